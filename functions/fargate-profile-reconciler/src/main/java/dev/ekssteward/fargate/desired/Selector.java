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

  // Written out: the generated ones bootstrap through ObjectMethods at first use, in every cold
  // start (selectors are compared in every plan; see Target).
  @Override
  public boolean equals(Object o) {
    return o instanceof Selector s && namespace.equals(s.namespace) && labels.equals(s.labels);
  }

  @Override
  public int hashCode() {
    return 31 * namespace.hashCode() + labels.hashCode();
  }

  /**
   * True when some pod could land on both: the namespaces have a name in common, and every label
   * both ask for has a value both accept (a pod may carry any other label). A missed overlap would
   * lose pods, so wildcards are read generously: {@code *} and {@code ?} stand for any characters,
   * whatever Kubernetes allows in a name.
   */
  public boolean overlaps(Selector other) {
    if (!intersect(namespace, other.namespace)) {
      return false;
    }
    for (Map.Entry<String, String> label : labels.entrySet()) {
      String theirs = other.labels.get(label.getKey());
      if (theirs != null && !intersect(label.getValue(), theirs)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when some text matches both globs. Walks both at once: a {@code *} may match nothing, or
   * the character the other pattern's next literal or {@code ?} stands for. Two stars never need to
   * match the same character: the text without it matches both as well.
   */
  private static boolean intersect(String a, String b) {
    boolean[][] seen = new boolean[a.length() + 1][b.length() + 1];
    java.util.ArrayDeque<int[]> todo = new java.util.ArrayDeque<>();
    todo.add(new int[] {0, 0});
    while (!todo.isEmpty()) {
      int[] at = todo.poll();
      int i = at[0];
      int j = at[1];
      if (seen[i][j]) {
        continue;
      }
      seen[i][j] = true;
      if (i == a.length() && j == b.length()) {
        return true;
      }
      char x = i < a.length() ? a.charAt(i) : 0;
      char y = j < b.length() ? b.charAt(j) : 0;
      if (x == '*') {
        todo.add(new int[] {i + 1, j});
        if (j < b.length() && y != '*') {
          todo.add(new int[] {i, j + 1});
        }
      }
      if (y == '*') {
        todo.add(new int[] {i, j + 1});
        if (i < a.length() && x != '*') {
          todo.add(new int[] {i + 1, j});
        }
      }
      if (i < a.length() && j < b.length() && x != '*' && y != '*') {
        if (x == '?' || y == '?' || x == y) {
          todo.add(new int[] {i + 1, j + 1});
        }
      }
    }
    return false;
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
