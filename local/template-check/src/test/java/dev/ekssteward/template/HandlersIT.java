package dev.ekssteward.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every function's Handler names a real class and method in the jar its CodeUri points to. */
class HandlersIT {

  @Test
  void everyHandlerExistsInItsJar() throws Exception {
    SamTemplate template = SamTemplate.load();
    Map<String, Map<String, Object>> functions = template.functions();
    assertThat(functions)
        .containsOnlyKeys(
            "NodegroupSchedulerFunction",
            "ThumbprintRotatorFunction",
            "FargateProfileReconcilerFunction",
            "TagEnforcerFunction");
    for (Map.Entry<String, Map<String, Object>> f : functions.entrySet()) {
      Path jar = SamTemplate.repo().resolve((String) f.getValue().get("CodeUri"));
      assertThat(jar).as(f.getKey() + " CodeUri").isRegularFile();
      String[] handler = ((String) f.getValue().get("Handler")).split("::");
      try (URLClassLoader loader =
          new URLClassLoader(
              new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
        Class<?> type = Class.forName(handler[0], false, loader);
        Class<?> context = Class.forName(Context.class.getName(), false, loader);
        // The only method of that name is the stream one: the runtime hands over the raw bytes
        // and never runs its own Jackson.
        Method method = type.getMethod(handler[1], InputStream.class, OutputStream.class, context);
        assertThat(method.getReturnType()).as(f.getKey()).isEqualTo(void.class);
        assertThat(
                Arrays.stream(type.getMethods())
                    .filter(m -> m.getName().equals(handler[1]))
                    .count())
            .as(f.getKey() + ": one " + handler[1] + " method, no overloads")
            .isEqualTo(1);
        assertThat(Class.forName(RequestStreamHandler.class.getName(), false, loader))
            .as(f.getKey() + " is a stream handler")
            .isAssignableFrom(type);
        assertThat(type.getConstructor())
            .as(f.getKey() + " needs a public no-arg constructor")
            .isNotNull();
      }
      assertThat(Files.size(jar)).as(f.getKey() + " jar size").isLessThan(64L * 1024 * 1024);
    }
  }
}
