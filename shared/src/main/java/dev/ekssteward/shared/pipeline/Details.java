package dev.ekssteward.shared.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An action's details in the order its keys are given: the report and the audit event show them in
 * that order, so the order is part of what a user reads.
 */
public final class Details {
  private Details() {}

  /**
   * {@code key, value, key, value, ...} as an ordered map the caller may still add to; a null value
   * is kept (the report shows it as null).
   */
  public static Map<String, Object> of(Object... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("details need a value for every key");
    }
    Map<String, Object> d = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      d.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return d;
  }

  /** {@code details} with {@code key} added last when {@code value} is not null. */
  public static Map<String, Object> withPresent(
      Map<String, Object> details, String key, Object value) {
    if (value != null) {
      details.put(key, value);
    }
    return details;
  }
}
