package dev.ekssteward.fargate.desired;

import dev.ekssteward.shared.config.Glob;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One Fargate selector: a namespace pattern and label patterns ({@code *} and {@code ?} allowed in
 * the namespace and label values). Labels are kept sorted so equal selectors compare equal.
 */
public record Selector(String namespace, Map<String, String> labels) {
  public Selector {
    labels =
        labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * True when every pod this selector takes is also taken by {@code other}: its namespace covers
   * ours and each label it asks for is one we ask for too, with a value it accepts. Wildcards on
   * our side are only covered by the same text or by {@code *}, which keeps the answer safe.
   */
  public boolean coveredBy(Selector other) {
    if (!covers(other.namespace, namespace)) {
      return false;
    }
    for (Map.Entry<String, String> label : other.labels.entrySet()) {
      String ours = labels.get(label.getKey());
      if (ours == null || !covers(label.getValue(), ours)) {
        return false;
      }
    }
    return true;
  }

  private static boolean covers(String pattern, String value) {
    boolean wild = value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    return pattern.equals("*") || pattern.equals(value) || (!wild && Glob.matches(pattern, value));
  }

  /** True when a pod in {@code podNamespace} with {@code podLabels} lands on this selector. */
  public boolean matches(String podNamespace, Map<String, String> podLabels) {
    if (!Glob.matches(namespace, podNamespace)) {
      return false;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String value = podLabels.get(label.getKey());
      if (value == null || !Glob.matches(label.getValue(), value)) {
        return false;
      }
    }
    return true;
  }

  /** A stable text form: {@code ns{k=v,k2=v2}}. */
  public String canonical() {
    return namespace
        + labels.entrySet().stream()
            .map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining(",", "{", "}"));
  }
}
