package dev.ekssteward.shared.testing.seed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One JSON object of a fleet description, read field by field; errors name the field's path. */
final class JsonFields {
  private final Map<String, Object> object;
  private final String path;

  private JsonFields(Map<String, Object> object, String path) {
    this.object = object;
    this.path = path;
  }

  static JsonFields fields(Map<String, Object> object, String path) {
    return new JsonFields(object, path);
  }

  boolean has(String name) {
    return object.get(name) != null;
  }

  Set<String> keys() {
    return object.keySet();
  }

  Object raw(String name) {
    return object.get(name);
  }

  String string(String name, String absent) {
    Object value = object.get(name);
    if (value == null) {
      return absent;
    }
    if (value instanceof String s) {
      return s;
    }
    throw error(name, "must be a string");
  }

  String required(String name) {
    String value = string(name, null);
    if (value == null) {
      throw error(name, "is required");
    }
    return value;
  }

  int integer(String name) {
    if (object.get(name) instanceof BigDecimal n) {
      return n.intValueExact();
    }
    throw error(name, "must be a whole number");
  }

  List<String> strings(String name) {
    List<String> out = new ArrayList<>();
    for (Object item : list(name)) {
      if (!(item instanceof String s)) {
        throw error(name, "must be a list of strings");
      }
      out.add(s);
    }
    return out;
  }

  Map<String, String> stringMap(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonFields map = object(name);
    map.keys().forEach(k -> out.put(k, map.string(k, "")));
    return out;
  }

  /** The nested object; an absent or null field reads as an empty one. */
  @SuppressWarnings("unchecked")
  JsonFields object(String name) {
    Object value = object.get(name);
    if (value == null) {
      return new JsonFields(Map.of(), path + "." + name);
    }
    if (value instanceof Map<?, ?> map) {
      return new JsonFields((Map<String, Object>) map, path + "." + name);
    }
    throw error(name, "must be an object");
  }

  @SuppressWarnings("unchecked")
  List<JsonFields> objects(String name) {
    List<JsonFields> out = new ArrayList<>();
    List<Object> items = list(name);
    for (int i = 0; i < items.size(); i++) {
      if (!(items.get(i) instanceof Map<?, ?> map)) {
        throw error(name, "must be a list of objects");
      }
      out.add(new JsonFields((Map<String, Object>) map, path + "." + name + "[" + i + "]"));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(String name) {
    Object value = object.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw error(name, "must be a list");
  }

  /** Refuses fields the format does not know (a typo would otherwise seed nothing, silently). */
  void onlyThese(String... names) {
    Set<String> known = Set.of(names);
    for (String key : object.keySet()) {
      if (!known.contains(key)) {
        throw error(key, "is not a field of the fleet description (known: " + known + ")");
      }
    }
  }

  IllegalArgumentException error(String name, String reason) {
    return new IllegalArgumentException(path + "." + name + ": " + reason);
  }
}
