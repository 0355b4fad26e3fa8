package dev.ekssteward.shared.metrics;

import dev.ekssteward.shared.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch metrics in Embedded Metric Format: one log line per invocation, no API call, so
 * metrics cost nothing on the hot path and cannot fail a run. Every metric has the dimension {@code
 * Function}; a metric named with {@link #perCluster} also gets, on a line of its own per cluster,
 * the dimensions {@code Function, Cluster} (an EMF document has one value per dimension).
 */
public final class Metrics {
  /** Marks a plan metric that is also kept per cluster (see {@link #perCluster}). */
  static final String PER_CLUSTER = "per-cluster:";

  private final String function;
  private final Clock clock;
  private final String level;
  private final String namespace;
  private final Map<String, Double> values = new TreeMap<>();
  private final Map<String, Map<String, Double>> byCluster = new TreeMap<>();

  /**
   * @param level the {@code level} the line carries: Lambda's filter level, so that the metrics,
   *     and every alarm on them, survive {@code LogLevel=WARN} or {@code ERROR}
   * @param namespace the stack's namespace ({@code Settings.metricsNamespace()})
   */
  public Metrics(String function, Clock clock, String level, String namespace) {
    this.function = function;
    this.clock = clock;
    this.level = level;
    this.namespace = namespace;
  }

  /**
   * The name a plan gives a metric that is also wanted per cluster: few clusters, so the extra
   * dimension stays bounded (each cluster's metric is one more custom metric).
   */
  public static String perCluster(String name) {
    return PER_CLUSTER + name;
  }

  public synchronized void add(String name, double value) {
    add(null, name, value);
  }

  /** A scope's metric: a {@link #perCluster} name is also counted for {@code cluster}. */
  public synchronized void add(String cluster, String name, double value) {
    if (!name.startsWith(PER_CLUSTER)) {
      values.merge(name, value, Double::sum);
      return;
    }
    String plain = name.substring(PER_CLUSTER.length());
    values.merge(plain, value, Double::sum);
    if (cluster != null) {
      byCluster.computeIfAbsent(cluster, c -> new TreeMap<>()).merge(plain, value, Double::sum);
    }
  }

  public synchronized Map<String, Double> snapshot() {
    return Map.copyOf(values);
  }

  /** The per-cluster values: cluster to metric name to value. */
  public synchronized Map<String, Map<String, Double>> clusterSnapshot() {
    Map<String, Map<String, Double>> out = new TreeMap<>();
    byCluster.forEach((c, v) -> out.put(c, Map.copyOf(v)));
    return out;
  }

  /**
   * Writes the EMF lines (the function's, then one per cluster) and clears the values (one set of
   * documents per invocation); returns the function's line, or null when nothing was counted.
   */
  public synchronized String flush() {
    if (values.isEmpty()) {
      return null;
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(List.of("Function"), Map.of(), values));
    byCluster.forEach(
        (cluster, v) ->
            lines.add(line(List.of("Function", "Cluster"), Map.of("Cluster", cluster), v)));
    values.clear();
    byCluster.clear();
    lines.forEach(System.out::println);
    return lines.get(0);
  }

  private String line(List<String> dimensions, Map<String, String> keys, Map<String, Double> of) {
    List<Map<String, Object>> defs =
        of.keySet().stream().map(n -> Map.<String, Object>of("Name", n, "Unit", unit(n))).toList();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("timestamp", Instant.ofEpochMilli(clock.millis()).toString());
    doc.put("level", level);
    doc.put(
        "_aws",
        Map.of(
            "Timestamp", clock.millis(),
            "CloudWatchMetrics",
                List.of(
                    Map.of(
                        "Namespace", namespace,
                        "Dimensions", List.of(dimensions),
                        "Metrics", defs))));
    doc.put("Function", function);
    doc.putAll(keys);
    doc.putAll(of);
    return Json.write(doc);
  }

  private static String unit(String name) {
    return name.endsWith("Hours") || name.endsWith("USD") ? "None" : "Count";
  }
}
