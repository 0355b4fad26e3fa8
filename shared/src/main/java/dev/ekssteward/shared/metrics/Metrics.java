package dev.ekssteward.shared.metrics;

import dev.ekssteward.shared.json.Json;
import java.time.Clock;
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

  public Metrics(String function, Clock clock) {
    this.function = function;
    this.clock = clock;
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
