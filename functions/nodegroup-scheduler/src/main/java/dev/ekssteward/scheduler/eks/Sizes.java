package dev.ekssteward.scheduler.eks;

import java.util.LinkedHashMap;
import java.util.Map;

/** A node group's scaling config: min, desired and max nodes. */
public record Sizes(int min, int desired, int max) {
  /** No nodes and none wanted. */
  public boolean isZero() {
    return min == 0 && desired == 0;
  }

  /** {@code 2-3-5}: legal in a tag value (no commas). */
  public String encode() {
    return min + "-" + desired + "-" + max;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("minSize", min);
    d.put("desiredSize", desired);
    d.put("maxSize", max);
    return d;
  }
}
