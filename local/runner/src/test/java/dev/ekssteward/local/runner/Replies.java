package dev.ekssteward.local.runner;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Replies of two runs of the same work, made comparable (ShrunkJarIT). */
final class Replies {
  private Replies() {}

  /** The report's lists of per-scope results, filled by a pool of scopes in completion order. */
  private static final List<String> UNORDERED =
      List.of("planned", "applied", "findings", "pending", "errors");

  /** AWS request ids, new on every call; they appear only inside error messages. */
  private static final Pattern REQUEST_ID =
      Pattern.compile("(?i)(request ?id:? *)[A-Za-z0-9-]{16,}");

  /**
   * A reply in the form two runs must agree on. What legitimately differs between runs: the order
   * of the {@link #UNORDERED} lists (so each is sorted), and AWS request ids in messages (masked).
   * Reports carry no timings; nothing else is left out.
   */
  @SuppressWarnings("unchecked")
  static Object comparable(Object reply) {
    if (!(reply instanceof Map<?, ?> map)) {
      return reply;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    ((Map<String, Object>) map)
        .forEach(
            (k, v) -> {
              Object c = masked(v);
              if (UNORDERED.contains(k) && c instanceof List<?> list) {
                c = list.stream().sorted(Comparator.comparing(Replies::json)).toList();
              }
              out.put(k, c);
            });
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object masked(Object value) {
    if (value instanceof String s) {
      return REQUEST_ID.matcher(s).replaceAll("$1<request-id>");
    }
    if (value instanceof List<?> list) {
      return list.stream().map(Replies::masked).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> out.put(k, masked(v)));
      return out;
    }
    return value;
  }

  /** The length of a reply list, 0 when absent. */
  static int size(Object list) {
    return list instanceof List<?> l ? l.size() : 0;
  }

  /** JSON text of a Map (the runtime's own serializer); anything else as its string. */
  static String json(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return String.valueOf(value);
    }
    var out = new ByteArrayOutputStream();
    JacksonFactory.getInstance().getSerializer(Map.class).toJson(map, out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
