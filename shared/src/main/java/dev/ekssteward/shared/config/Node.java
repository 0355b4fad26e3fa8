package dev.ekssteward.shared.config;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.json.JsonException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A cursor over a parsed JSON tree that records typed, path-named errors instead of throwing, so
 * one validation pass reports every problem in a document.
 */
public final class Node {
  private final String path;
  private final Object value;
  private final List<ConfigError> errors;

  private Node(String path, Object value, List<ConfigError> errors) {
    this.path = path;
    this.value = value;
    this.errors = errors;
  }

  /** Parses {@code text}; a syntax error becomes an error at {@code $}. */
  public static Node parse(String text, List<ConfigError> errors) {
    try {
      return new Node("$", Json.parse(text), errors);
    } catch (JsonException e) {
      errors.add(new ConfigError("$", "not valid JSON: " + e.getMessage()));
      return new Node("$", null, errors);
    }
  }

  public static Node of(Object tree, List<ConfigError> errors) {
    return new Node("$", tree, errors);
  }

  public String path() {
    return path;
  }

  public boolean isMissing() {
    return value == null;
  }

  public Object raw() {
    return value;
  }

  public void error(String reason) {
    errors.add(new ConfigError(path, reason));
  }

  /** Child field of an object; missing fields give a missing node. */
  public Node get(String field) {
    Map<String, Object> map = asObject();
    return new Node(path + "." + field, map == null ? null : map.get(field), errors);
  }

  /** Requires an object and rejects every field not in {@code allowed}. */
  public boolean requireObject(Set<String> allowed) {
    if (value == null) {
      return false;
    }
    Map<String, Object> map = asObject();
    if (map == null) {
      error("must be an object");
      return false;
    }
    for (String key : map.keySet()) {
      if (!allowed.contains(key)) {
        errors.add(new ConfigError(path + "." + key, "unknown field"));
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> asObject() {
    return value instanceof Map ? (Map<String, Object>) value : null;
  }

  public String string(String fallback) {
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof String s)) {
      error("must be a string");
      return fallback;
    }
    return s;
  }

  public String requiredString() {
    if (value == null) {
      error("is required");
      return null;
    }
    return string(null);
  }

  public boolean bool(boolean fallback) {
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Boolean b)) {
      error("must be true or false");
      return fallback;
    }
    return b;
  }

  public int integer(int fallback, int min, int max) {
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof BigDecimal n) || n.stripTrailingZeros().scale() > 0) {
      error("must be a whole number");
      return fallback;
    }
    if (n.compareTo(BigDecimal.valueOf(min)) < 0 || n.compareTo(BigDecimal.valueOf(max)) > 0) {
      // toString, not toPlainString: 1e999999999 would be a billion digits.
      error("must be between " + min + " and " + max + ", was " + n);
      return fallback;
    }
    return n.intValueExact();
  }

  /** Elements of an array, each as a node; an absent array is empty. */
  public List<Node> items() {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> list)) {
      error("must be an array");
      return List.of();
    }
    List<Node> nodes = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      nodes.add(new Node(path + "[" + i + "]", list.get(i), errors));
    }
    return nodes;
  }

  /** An array of strings; {@code fallback} when absent. */
  public List<String> strings(List<String> fallback) {
    if (value == null) {
      return fallback;
    }
    List<String> out = new ArrayList<>();
    for (Node item : items()) {
      String s = item.string(null);
      if (s == null && item.value == null) {
        item.error("must be a string");
      } else if (s != null) {
        out.add(s);
      }
    }
    return List.copyOf(out);
  }

  /** Each field of an object, in document order, mapped by {@code reader}. */
  public <T> Map<String, T> entries(BiFunction<String, Node, T> reader) {
    if (value == null) {
      return Map.of();
    }
    Map<String, Object> map = asObject();
    if (map == null) {
      error("must be an object");
      return Map.of();
    }
    Map<String, T> out = new LinkedHashMap<>();
    for (String key : map.keySet()) {
      T item = reader.apply(key, new Node(path + "." + key, map.get(key), errors));
      if (item != null) {
        out.put(key, item);
      }
    }
    return out;
  }
}
