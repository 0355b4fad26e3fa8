import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One warm container taking a burst of events: local/runner's own handler loading and context,
 * then the same handler instance invoked N times in this JVM, as Lambda reuses a warm execution
 * environment. Run in place of local/runner's main by bench/burst.py (a single-file source
 * program on the function's class path): {@code Burst <Handler> <event.json> <N>}. The runner's
 * classes are package-private, hence the reflection.
 */
public final class Burst {
  public static void main(String[] args) throws Exception {
    java.io.PrintStream reply = System.out;
    System.setOut(System.err); // as local/runner: only the reply on stdout
    byte[] event = Files.readAllBytes(Path.of(args[1]));
    int n = Integer.parseInt(args[2]);
    Class<?> handlerMethod = Class.forName("dev.ekssteward.local.runner.HandlerMethod");
    Method load = handlerMethod.getDeclaredMethod("load", String.class);
    load.setAccessible(true);
    Object handler = load.invoke(null, args[0]);
    Class<?> contexts = Class.forName("dev.ekssteward.local.runner.LocalContext");
    Method fromEnv = contexts.getDeclaredMethod("fromEnvironment", Map.class);
    fromEnv.setAccessible(true);
    Object context = fromEnv.invoke(null, System.getenv());
    Method invoke =
        handlerMethod.getDeclaredMethod(
            "invoke", byte[].class, com.amazonaws.services.lambda.runtime.Context.class);
    invoke.setAccessible(true);
    for (int i = 0; i < n; i++) {
      invoke.invoke(handler, event, context);
    }
    reply.println("{\"invocations\":" + n + "}");
  }
}
