package dev.ekssteward.local.runner;

import com.amazonaws.services.lambda.runtime.Context;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;

/**
 * A handler string ({@code package.Class::method}, method defaulting to {@code handleRequest})
 * resolved the way the Lambda Java runtime does: the class is built with its public no-arg
 * constructor once, the method's declared input and output types pick the serializers, and stream
 * handlers get the raw bytes.
 */
record HandlerMethod(Object target, Method method) {

  static HandlerMethod load(String handler) throws Exception {
    String[] parts = handler.split("::", 2);
    String name = parts.length == 2 ? parts[1] : "handleRequest";
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Class<?> type = Class.forName(parts[0], true, loader);
    Method method =
        Arrays.stream(type.getMethods())
            .filter(m -> m.getName().equals(name) && !m.isBridge())
            .filter(m -> m.getParameterCount() >= 1 && m.getParameterCount() <= 3)
            .max(Comparator.comparingInt(Method::getParameterCount))
            .orElseThrow(() -> new NoSuchMethodException(handler));
    try {
      Object target =
          Modifier.isStatic(method.getModifiers()) ? null : type.getConstructor().newInstance();
      return new HandlerMethod(target, method);
    } catch (InvocationTargetException e) {
      throw rethrow(e); // an init error: report what the constructor threw
    }
  }

  byte[] invoke(byte[] event, Context context) throws Exception {
    ClassLoader loader = method.getDeclaringClass().getClassLoader();
    Class<?>[] params = method.getParameterTypes();
    try {
      if (params[0] == InputStream.class) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Object[] args =
            params.length == 3
                ? new Object[] {new ByteArrayInputStream(event), out, context}
                : new Object[] {new ByteArrayInputStream(event), out};
        method.invoke(target, args);
        return out.toByteArray();
      }
      Object value = deserialise(event, method.getGenericParameterTypes()[0], loader);
      Object result =
          params.length == 2 ? method.invoke(target, value, context) : method.invoke(target, value);
      LocalInvoke.mark("runner: handler returned");
      if (method.getReturnType() == void.class) {
        return "null".getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      return Json.write(result, method.getGenericReturnType(), loader);
    } catch (InvocationTargetException e) {
      throw rethrow(e);
    }
  }

  /** The runtime's wording for an event that does not fit the input type. */
  private static Object deserialise(byte[] event, Type input, ClassLoader loader) {
    try {
      return Json.serializerFor(input, loader).fromJson(new ByteArrayInputStream(event));
    } catch (RuntimeException e) {
      throw new RuntimeException("An error occurred during JSON parsing", e);
    }
  }

  /** Report what the handler threw, as Lambda does, not the reflection wrapper. */
  private static Exception rethrow(InvocationTargetException e) {
    if (e.getCause() instanceof Error thrown) {
      throw thrown;
    }
    return e.getCause() instanceof Exception thrown ? thrown : e;
  }
}
