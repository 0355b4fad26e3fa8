package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.AutoscalerActor;
import dev.ekssteward.shared.testing.LocalAws;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Nights against moto with lifecycle states on, with and without Cluster Autoscaler moving desired
 * sizes between ticks ({@link AutoscalerActor}), and with a person changing min or max at night.
 * The in-memory twin is NightsWithAutoscalerTest; this proves the same against the EKS API.
 */
class NightsWithAutoscalerIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  /** Office hours, and a night max of 3 so an autoscaler has room to move at night. */
  static final String CONFIG =
      MotoFleet.CONFIG.replace("{\"scheduler\": {", "{\"scheduler\": {\"nightMaxSize\": 3, ");

  /** Each group's night state: min 0, desired 0, max = min(night max, its own max). */
  static final Map<String, Sizes> NIGHT =
      Map.of("small", new Sizes(0, 0, 2), "web", new Sizes(0, 0, 3), "batch", new Sizes(0, 0, 3));

  static final List<String> NIGHT_TICKS = List.of("21:00", "23:00", "01:00", "03:00", "05:00");

  private MotoFleet fleet;
  private AutoscalerActor autoscaler;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws);
    fleet.seed(MotoFleet.office().config(CONFIG));
    autoscaler = new AutoscalerActor(aws, 42);
  }

  @Test
  void aNightWithTheAutoscalerEndsAtExactlyTheRecordedSizes() {
    Map<String, String> records = evening();

    for (String time : NIGHT_TICKS) {
      autoscaler.scaleUp("dev-1", "web"); // Pending pods: up to the night max
      autoscaler.wander("dev-1", "small");
      autoscaler.wander("dev-1", "batch");
      int awake = ORIGINAL.keySet().stream().mapToInt(g -> fleet.sizes("dev-1", g).desired()).sum();

      Map<String, Object> night = fleet.tick(at(time));

      assertThat(fleet.recorder.mutations()).as("tick at " + time).isEmpty();
      assertThat(night.get("findings")).asList().isEmpty();
      assertThat(records()).as("records at " + time).isEqualTo(records);
      assertThat(metric(night, "NodesAwakeAtNight")).isEqualTo((double) awake);
      NIGHT.forEach(
          (g, s) -> {
            Sizes now = fleet.sizes("dev-1", g);
            assertThat(List.of(now.min(), now.max())).isEqualTo(List.of(s.min(), s.max()));
          });
    }
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 3, 3));
    assertThat(autoscaler.moves()).isNotEmpty();

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));

    assertMorningRestoresTheRecords(morning);
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .filteredOn(a -> a.detail().get("nodegroup").equals("web"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).containsEntry("before", json(0, 3, 3)));
  }

  @Test
  void aNightWithoutTheAutoscalerEndsTheSame() {
    Map<String, String> records = evening();

    for (String time : NIGHT_TICKS) {
      Map<String, Object> night = fleet.tick(at(time));

      assertThat(fleet.recorder.mutations()).as("tick at " + time).isEmpty();
      assertThat(records()).isEqualTo(records);
      assertThat(metric(night, "NodesAwakeAtNight")).isZero();
    }
    NIGHT.forEach((g, s) -> assertThat(fleet.sizes("dev-1", g)).isEqualTo(s));

    assertMorningRestoresTheRecords(fleet.tick(MotoFleet.at(1, "07:05")));
  }

  @Test
  void aPersonsMinOrMaxAtNightIsKeptAndReportedWhileTheAutoscalersDesiredIsNot() {
    evening();
    autoscaler.scaleUp("dev-1", "web");
    // A person at night: small gets a min of 2, batch a max of 6 (EKS makes each UPDATING).
    // (Not small's recorded min 1 and max 2: with those, whatever the desired, it would look like
    // an unfinished scale-down whose desired an autoscaler moved; see the docs.)
    update("small", new Sizes(2, 2, 2));
    update("batch", new Sizes(0, 0, 6));
    aws.settle();

    Map<String, Object> night = fleet.tick(at("23:00"));

    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(night.get("planned").toString())
        .contains("changed by hand while down; left alone until the next uptime");
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(2, 2, 2));
    assertThat(fleet.sizes("dev-1", "batch")).isEqualTo(new Sizes(0, 0, 6));

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(2, 2, 2));
    assertThat(fleet.sizes("dev-1", "batch")).isEqualTo(new Sizes(0, 0, 6));
    assertThat(records()).isEmpty();
    assertThat(fleet.sent.updates())
        .singleElement()
        .satisfies(u -> assertThat(u.nodegroupName()).isEqualTo("web"));
    assertThat(fleet.sent.audits("Nodegroup Changed While Down"))
        .extracting(a -> List.of(a.detail().get("nodegroup"), a.detail().get("current")))
        .containsExactlyInAnyOrder(
            List.of("small", json(2, 2, 2)), List.of("batch", json(0, 0, 6)));
    assertThat(morning.get("findings")).asList().hasSize(2);
  }

  /** The evening tick, and the minutes until its updates are over; returns the records. */
  private Map<String, String> evening() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    NIGHT.forEach((g, s) -> assertThat(fleet.sizes("dev-1", g)).isEqualTo(s));
    aws.settle();
    Map<String, String> records = records();
    assertThat(records).hasSize(ORIGINAL.size());
    return records;
  }

  private void assertMorningRestoresTheRecords(Map<String, Object> morning) {
    assertThat(morning.get("status")).isEqualTo("ok");
    ORIGINAL.forEach((g, s) -> assertThat(fleet.sizes("dev-1", g)).as(g).isEqualTo(s));
    assertThat(records()).isEmpty();
    assertThat(fleet.sent.updates())
        .extracting(u -> u.nodegroupName() + " " + sizes(u.scalingConfig()))
        .containsExactlyInAnyOrder(
            ORIGINAL.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .toArray(String[]::new));
  }

  /** Group → its original-scaling record, for the groups that have one. */
  private Map<String, String> records() {
    Map<String, String> out = new TreeMap<>();
    for (String g : ORIGINAL.keySet()) {
      String record = fleet.tags("dev-1", g).get(Contract.ORIGINAL_SCALING_TAG);
      if (record != null) {
        out.put(g, record);
      }
    }
    return out;
  }

  private void update(String group, Sizes s) {
    aws.eks()
        .updateNodegroupConfig(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName(group)
                    .scalingConfig(
                        c -> c.minSize(s.min()).desiredSize(s.desired()).maxSize(s.max())));
  }

  /** A night tick: Monday evening's times, the small hours on Tuesday. */
  private static Instant at(String time) {
    return MotoFleet.at(time.compareTo("12:00") > 0 ? 0 : 1, time);
  }

  private static Sizes sizes(software.amazon.awssdk.services.eks.model.NodegroupScalingConfig c) {
    return new Sizes(c.minSize(), c.desiredSize(), c.maxSize());
  }

  private static Map<String, Object> json(int min, int desired, int max) {
    return Map.of(
        "minSize", BigDecimal.valueOf(min),
        "desiredSize", BigDecimal.valueOf(desired),
        "maxSize", BigDecimal.valueOf(max));
  }

  @SuppressWarnings("unchecked")
  private static double metric(Map<String, Object> report, String name) {
    return ((Map<String, Double>) report.get("metrics")).getOrDefault(name, 0.0);
  }
}
