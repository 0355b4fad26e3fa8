package dev.ekssteward.local.runner;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * The Lambda Java runtime's choice of serializer: its event serializers for the types of
 * aws-lambda-java-events, its Jackson factory for everything else (maps, POJOs, strings).
 */
final class Json {
  private Json() {}

  @SuppressWarnings("unchecked")
  static PojoSerializer<Object> serializerFor(Type type, ClassLoader loader) {
    Class<?> raw = raw(type);
    if (LambdaEventSerializers.isLambdaSupportedEvent(raw.getName())) {
      return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(raw, loader);
    }
    return JacksonFactory.getInstance().getSerializer(type);
  }

  static byte[] write(Object value, Type type, ClassLoader loader) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    serializerFor(type, loader).toJson(value, out);
    return out.toByteArray();
  }

  static byte[] write(Map<String, Object> value) {
    return write(value, Map.class, Json.class.getClassLoader());
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }
}
