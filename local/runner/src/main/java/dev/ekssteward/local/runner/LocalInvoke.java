package dev.ekssteward.local.runner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What {@code local/invoke} runs in a fresh JVM: {@code LocalInvoke <Handler> <event.json|->}.
 *
 * <p>Like the Lambda Java runtime it loads the handler from the function jar on the classpath,
 * deserialises the event into the handler's input type, calls it with a context, and serialises the
 * result. The result JSON is the only thing on stdout; the function's own stdout goes to stderr. An
 * error prints Lambda's error JSON on stdout and exits 1. The function's name, timeout and memory
 * come from the {@code AWS_LAMBDA_FUNCTION_*} variables that local/invoke sets, as SAM does.
 */
public final class LocalInvoke {
  private static final boolean MARKS =
      "true".equalsIgnoreCase(System.getenv("STEWARD_STARTUP_MARKS"))
          || Boolean.getBoolean("steward.startupMarks");

  private LocalInvoke() {}

  public static void main(String[] args) throws IOException {
    mark("runner: main");
    if (args.length != 2) {
      System.err.println("usage: LocalInvoke <package.Class[::method]> <event.json | ->");
      System.exit(2);
    }
    PrintStream reply = System.out;
    System.setOut(System.err);
    int status =
        invoke(args[0], read(args[1]), LocalContext.fromEnvironment(System.getenv()), reply);
    reply.flush();
    mark("runner: reply written");
    System.exit(status);
  }

  /** Runs one invocation, writes the reply JSON to {@code reply}; returns the exit status. */
  static int invoke(String handler, byte[] event, LocalContext context, PrintStream reply) {
    FutureTask<byte[]> call =
        new FutureTask<>(
            () -> {
              HandlerMethod method = HandlerMethod.load(handler);
              mark("runner: handler constructed");
              return method.invoke(event, context);
            });
    Thread worker = new Thread(call, "lambda-handler");
    worker.setDaemon(true);
    // The serializer is built on the worker, only for handlers that need one: stream handlers get
    // bytes, and warming Jackson beside them took a core from their own start-up.
    worker.start();
    try {
      write(reply, call.get(context.timeoutMillis(), TimeUnit.MILLISECONDS));
      return 0;
    } catch (ExecutionException e) {
      write(reply, LambdaError.of(e.getCause()));
    } catch (TimeoutException e) {
      write(reply, LambdaError.timedOut(context));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      write(reply, LambdaError.of(e));
    }
    return 1;
  }

  /**
   * With {@code STEWARD_STARTUP_MARKS=true} (or {@code -Dsteward.startupMarks=true}): one line on
   * stderr, {@code startup-mark <ms since the JVM started> <thread> <what>} (the same format as the
   * functions' own marks).
   */
  static void mark(String what) {
    if (MARKS) {
      long start = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
      // A StringBuilder, not javac's invokedynamic concatenation: bootstrapping that on the first
      // mark would put the marks' own cost into the phase they measure.
      System.err.println(
          new StringBuilder("startup-mark ")
              .append(System.currentTimeMillis() - start)
              .append(' ')
              .append(Thread.currentThread().getName())
              .append(' ')
              .append(what));
    }
  }

  private static void write(PrintStream reply, Map<String, Object> error) {
    write(reply, Json.write(error));
  }

  private static void write(PrintStream reply, byte[] json) {
    reply.write(json, 0, json.length);
    reply.println();
    reply.flush();
  }

  private static byte[] read(String file) throws IOException {
    if (file.equals("-")) {
      InputStream in = System.in;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    }
    return Files.readString(Path.of(file), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
  }
}
