package dev.ekssteward.shared.metrics;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Log;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch metrics in Embedded Metric Format: one log line per invocation, no API call, so
 * metrics cost nothing on the hot path and cannot fail a run.
 */
public final class Metrics {
  public static final String NAMESPACE = "EksSteward";

  private final String function;
  private final Clock clock;
  private final Map<String, Double> values = new TreeMap<>();

  private final String level;

  public Metrics(String function, Clock clock) {
    this(function, clock, Log.passing());
  }

  /**
   * @param level the {@code level} the line carries: Lambda's filter level, so that the metrics,
   *     and every alarm on them, survive {@code LogLevel=WARN} or {@code ERROR}
   */
  public Metrics(String function, Clock clock, String level) {
    this.function = function;
    this.clock = clock;
    this.level = level;
  }

  public synchronized void add(String name, double value) {
    values.merge(name, value, Double::sum);
  }

  public synchronized Map<String, Double> snapshot() {
    return Map.copyOf(values);
  }

  /** Writes the EMF line and clears the values (one document per invocation). */
  public synchronized String flush() {
    if (values.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> defs =
        values.keySet().stream()
            .map(n -> Map.<String, Object>of("Name", n, "Unit", unit(n)))
            .toList();
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
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("Function")),
                        "Metrics", defs))));
    doc.put("Function", function);
    doc.putAll(values);
    values.clear();
    String line = Json.write(doc);
    System.out.println(line);
    return line;
  }

  private static String unit(String name) {
    return name.endsWith("Hours") ? "None" : "Count";
  }
}
