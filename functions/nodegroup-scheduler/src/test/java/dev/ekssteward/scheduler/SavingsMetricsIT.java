package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.metrics.MetricsNamespace;
import dev.ekssteward.shared.testing.EmittedMetrics;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The savings a schedule makes, as the EMF lines CloudWatch receives: node-hours avoided and their
 * estimated price per cluster (dimensions Function and Cluster), and the nodes asleep during the
 * night. moto gives node groups created without instance types EKS's default, t3.medium.
 */
class SavingsMetricsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String FUNCTION = "nodegroup-scheduler";
  static final double T3_MEDIUM = 0.0416;

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws).settling();
    fleet.seed(
        MotoFleet.fleet()
            .config(
                """
                {"scheduler": {"schedules": {"office": {"timezone": "Europe/Berlin",
                  "uptime": ["Mon-Fri 07:00-19:00"]}},
                  "prices": {"t3.medium": 0.0416, "m5.large": 0.096, "default": 0.5}}}
                """)
            .cluster(
                cluster("dev-1")
                    .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
                    .nodegroup(MotoFleet.group("small", ORIGINAL.get("small"), Map.of()))
                    .nodegroup(MotoFleet.group("web", ORIGINAL.get("web"), Map.of())))
            .cluster(
                cluster("dev-2")
                    .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
                    .nodegroup(MotoFleet.group("batch", ORIGINAL.get("batch"), Map.of()))));
  }

  @Test
  void anEveningAndAMorningEmitNodeHoursAndSavingsPerCluster() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(fleet.sizes("dev-2", "batch")).isEqualTo(new Sizes(0, 0, 1));

    int night = EmittedMetrics.mark();
    fleet.tick(MotoFleet.at(1, "01:00"));
    List<Map<String, Object>> nightLines = EmittedMetrics.since(night);
    // Desired nodes the schedule keeps off right now: small 1 + web 3; batch 4.
    assertThat(perCluster(nightLines, "NodesAsleep", "dev-1")).isEqualTo(4.0);
    assertThat(perCluster(nightLines, "NodesAsleep", "dev-2")).isEqualTo(4.0);

    int morning = EmittedMetrics.mark();
    fleet.tick(MotoFleet.at(1, "07:05"));
    List<Map<String, Object>> lines = EmittedMetrics.since(morning);

    // Down from 19:05 to 07:05: 12 hours. dev-1: (1 + 3) x 12; dev-2: 4 x 12.
    assertThat(perCluster(lines, "NodeHoursAvoided", "dev-1")).isEqualTo(48.0);
    assertThat(perCluster(lines, "NodeHoursAvoided", "dev-2")).isEqualTo(48.0);
    assertThat(perCluster(lines, "EstimatedSavingsUSD", "dev-1"))
        .isCloseTo(48 * T3_MEDIUM, within(1e-9));
    assertThat(perCluster(lines, "EstimatedSavingsUSD", "dev-2"))
        .isCloseTo(48 * T3_MEDIUM, within(1e-9));
    // The function's own line keeps the total, as before.
    assertThat(EmittedMetrics.value(lines, "NodeHoursAvoided", Map.of("Function", FUNCTION)))
        .isEqualTo(96.0);
    assertThat(lines)
        .allSatisfy(
            doc ->
                assertThat(doc.get("_aws").toString())
                    .contains("Namespace=" + MetricsNamespace.DEFAULT));
  }

  @Test
  void withoutPricesThereIsNoEstimateButTheNodeHoursStillCount() {
    MotoFleet.config(
        aws,
        """
        {"scheduler": {"schedules": {"office": {"timezone": "Europe/Berlin",
          "uptime": ["Mon-Fri 07:00-19:00"]}}}}
        """);
    fleet.tick(MotoFleet.at(0, "19:05"));
    int morning = EmittedMetrics.mark();
    fleet.tick(MotoFleet.at(1, "07:05"));
    List<Map<String, Object>> lines = EmittedMetrics.since(morning);

    assertThat(perCluster(lines, "NodeHoursAvoided", "dev-1")).isEqualTo(48.0);
    assertThat(perCluster(lines, "EstimatedSavingsUSD", "dev-1")).isNull();
  }

  private static Double perCluster(List<Map<String, Object>> lines, String name, String cluster) {
    return EmittedMetrics.value(lines, name, Map.of("Function", FUNCTION, "Cluster", cluster));
  }
}
