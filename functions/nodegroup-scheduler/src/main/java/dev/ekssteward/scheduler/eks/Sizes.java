package dev.ekssteward.scheduler.eks;

import java.util.LinkedHashMap;
import java.util.Map;

/** A node group's scaling config: min, desired and max nodes. */
public record Sizes(int min, int desired, int max) {
  /** Down for the night: no nodes and none wanted (max is kept). */
  public boolean isZero() {
    return min == 0 && desired == 0;
  }

  /** The night state: min 0, desired 0, max kept but never below 1 (EKS rejects max 0). */
  public Sizes down() {
    return new Sizes(0, 0, Math.max(1, max));
  }

  /** {@code 2-3-5}: legal in a tag value (no commas). */
  public String encode() {
    return min + "-" + desired + "-" + max;
  }

  public Map<String, Object> toMap() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("minSize", min);
    map.put("desiredSize", desired);
    map.put("maxSize", max);
    return map;
  }
}
