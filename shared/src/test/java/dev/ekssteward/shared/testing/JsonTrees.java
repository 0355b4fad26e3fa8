package dev.ekssteward.shared.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Deep copies of JSON-like trees with one field replaced or removed, for {@link HostileInput}. */
final class JsonTrees {
  private JsonTrees() {}

  /** The sample with one field (at any depth) replaced by a hostile value, or removed. */
  static Arbitrary<Map<String, Object>> mutated(Arbitrary<Map<String, Object>> samples) {
    return samples.flatMap(
        sample -> {
          List<List<String>> paths = new ArrayList<>();
          collect(sample, new ArrayList<>(), paths);
          if (paths.isEmpty()) {
            return Arbitraries.just(sample);
          }
          return Combinators.combine(
                  Arbitraries.of(paths),
                  Arbitraries.oneOf(HostileInput.values(), Arbitraries.just(Removed.FIELD)))
              .as((path, value) -> with(sample, path, value));
        });
  }

  private enum Removed {
    FIELD
  }

  @SuppressWarnings("unchecked")
  private static void collect(Object node, List<String> path, List<List<String>> out) {
    if (node instanceof Map<?, ?> map) {
      for (Map.Entry<?, ?> e : map.entrySet()) {
        List<String> p = new ArrayList<>(path);
        p.add(String.valueOf(e.getKey()));
        out.add(p);
        collect(e.getValue(), p, out);
      }
    }
  }

  /** A deep copy of {@code event} with {@code path} set to {@code value} (or removed). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> with(Map<String, Object> event, List<String> path, Object value) {
    Map<String, Object> copy = (Map<String, Object>) copy(event);
    Map<String, Object> node = copy;
    for (int i = 0; i < path.size() - 1; i++) {
      Object next = node.get(path.get(i));
      if (!(next instanceof Map)) {
        return copy;
      }
      node = (Map<String, Object>) next;
    }
    if (value == Removed.FIELD) {
      node.remove(path.get(path.size() - 1));
    } else {
      node.put(path.get(path.size() - 1), value);
    }
    return copy;
  }

  private static Object copy(Object node) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
      return out;
    }
    if (node instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      list.forEach(v -> out.add(copy(v)));
      return out;
    }
    return node;
  }
}
