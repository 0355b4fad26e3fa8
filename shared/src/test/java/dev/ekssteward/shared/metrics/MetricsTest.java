package dev.ekssteward.shared.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.json.Json;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private final Clock clock = Clock.fixed(Instant.parse("2026-12-07T06:05:00Z"), ZoneOffset.UTC);

  @Test
  void theNamespaceComesFromTheEnvironmentWithTheOldOneAsDefault() {
    assertThat(MetricsNamespace.from(Map.of("METRICS_NAMESPACE", "EksSteward/prod")))
        .isEqualTo("EksSteward/prod");
    assertThat(MetricsNamespace.from(Map.of())).isEqualTo("EksSteward");
    assertThat(MetricsNamespace.from(Map.of("METRICS_NAMESPACE", " "))).isEqualTo("EksSteward");
    assertThat(MetricsNamespace.check(Map.of("METRICS_NAMESPACE", "AWS/EKS")))
        .contains(
            new ConfigError(
                "METRICS_NAMESPACE", "must not start with AWS/ (reserved for AWS services)"));
    assertThat(MetricsNamespace.check(Map.of("METRICS_NAMESPACE", "a b")))
        .contains(
            new ConfigError("METRICS_NAMESPACE", "must be 1-255 letters, digits or . - _ / # :"));
    assertThat(MetricsNamespace.check(Map.of("METRICS_NAMESPACE", "EksSteward/prod"))).isEmpty();
  }

  @Test
  void theLineCarriesTheNamespaceItWasGiven() {
    Metrics metrics = new Metrics("f", clock, "INFO", "EksSteward/prod");
    metrics.add("Skipped", 1);

    assertThat(directive(Json.parseObject(metrics.flush())))
        .containsEntry("Namespace", "EksSteward/prod");
  }

  @Test
  void aPerClusterMetricGetsALineOfItsOwnPerClusterBesideTheFunctionsTotal() {
    Metrics metrics = new Metrics("nodegroup-scheduler", clock, "INFO", "N");
    metrics.add("dev-1", Metrics.perCluster("NodeHoursAvoided"), 48);
    metrics.add("dev-2", Metrics.perCluster("NodeHoursAvoided"), 12);
    metrics.add("dev-1", Metrics.perCluster("NodeHoursAvoided"), 2);
    metrics.add("dev-1", "ScaledUp", 1);

    assertThat(metrics.snapshot()).isEqualTo(Map.of("NodeHoursAvoided", 62.0, "ScaledUp", 1.0));
    assertThat(metrics.clusterSnapshot())
        .isEqualTo(
            Map.of(
                "dev-1",
                Map.of("NodeHoursAvoided", 50.0),
                "dev-2",
                Map.of("NodeHoursAvoided", 12.0)));

    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(captured, true));
    try {
      metrics.flush();
    } finally {
      System.setOut(out);
    }
    List<Map<String, Object>> lines = captured.toString().lines().map(Json::parseObject).toList();
    assertThat(lines).hasSize(3);
    assertThat(directive(lines.get(0))).containsEntry("Dimensions", List.of(List.of("Function")));
    assertThat(lines.get(0)).doesNotContainKey("Cluster");
    assertThat(directive(lines.get(1)))
        .containsEntry("Dimensions", List.of(List.of("Function", "Cluster")))
        .containsEntry("Metrics", List.of(Map.of("Name", "NodeHoursAvoided", "Unit", "Count")));
    assertThat(lines.get(1))
        .containsEntry("Cluster", "dev-1")
        .containsEntry("Function", "nodegroup-scheduler");
    assertThat(((Number) lines.get(1).get("NodeHoursAvoided")).doubleValue()).isEqualTo(50.0);
    assertThat(lines.get(1)).doesNotContainKey("ScaledUp");
    assertThat(lines.get(2)).containsEntry("Cluster", "dev-2");
    assertThat(metrics.clusterSnapshot()).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> directive(Map<String, Object> line) {
    Map<String, Object> aws = (Map<String, Object>) line.get("_aws");
    return ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
  }
}
