package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default change limits against the scheduler's normal day and its worst mistake: a fully
 * tagged fleet goes down every evening and up every morning; a {@code defaultSchedule} set by
 * mistake on a fleet that relied on tags changes nothing and says why.
 */
@SuppressWarnings("unchecked")
class ChangeLimitsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  /** Office hours, named "office"; no limits section: the defaults apply. */
  private static final String OFFICE = MotoFleet.CONFIG;

  /** The same, plus the mistake: every untagged group of the fleet now sleeps at night. */
  private static final String OFFICE_BY_DEFAULT =
      """
      {"scheduler": {"defaultSchedule": "office",
        "schedules": {"office": {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 07:00-19:00"]}}}}
      """;

  /**
   * The mistake made overnight: a default "late" schedule (up from noon) that every untagged group
   * now follows, so at 07:05 they would go down while the tagged ones come up.
   */
  private static final String LATE_BY_DEFAULT =
      """
      {"scheduler": {"defaultSchedule": "late", "schedules": {
        "office": {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 07:00-19:00"]},
        "late": {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 12:00-20:00"]}}}}
      """;

  private static final List<String> CLUSTERS = List.of("dev-1", "prod-1", "prod-2");

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws);
  }

  /** dev-1 scheduled by its cluster tag; prod-1 and prod-2 as {@code prodTags} say. */
  private void seed(String config, Map<String, String> prodTags) {
    FleetSeed seed = MotoFleet.fleet().config(config);
    for (String name : CLUSTERS) {
      ClusterSeed c =
          cluster(name)
              .tags(name.equals("dev-1") ? Map.of(Contract.SCHEDULE_TAG, "office") : prodTags);
      for (Map.Entry<String, Sizes> g : ORIGINAL.entrySet()) {
        c = c.nodegroup(MotoFleet.group(g.getKey(), g.getValue(), Map.of()));
      }
      seed = seed.cluster(c);
    }
    fleet.seed(seed);
  }

  private void assertAllAtDaytimeSizesWithoutRecords() {
    for (String c : CLUSTERS) {
      ORIGINAL.forEach(
          (name, sizes) -> {
            assertThat(fleet.sizes(c, name)).as(c + "/" + name).isEqualTo(sizes);
            assertThat(fleet.tags(c, name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
          });
    }
  }

  @Test
  void aFullyTaggedFleetGoesDownInTheEveningAndUpInTheMorningWithinTheDefaults() {
    seed(OFFICE, Map.of(Contract.SCHEDULE_TAG, "office"));
    fleet.settling();

    Map<String, Object> evening = fleet.tick(MotoFleet.at(0, "19:05"));

    // 9 of the 9 groups looked at go down: 100%, and none by a default.
    assertThat(evening.get("status")).isEqualTo("ok");
    assertThat(fleet.sent.audits("Nodegroup Scaled Down")).hasSize(9);
    assertThat(fleet.sizes("prod-2", "web")).isEqualTo(new Sizes(0, 0, 1));

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(morning.get("status")).isEqualTo("ok");
    assertThat(fleet.sent.audits("Nodegroup Scaled Up")).hasSize(9);
    assertThat(fleet.sent.audits("Change Limit Exceeded")).isEmpty();
    assertAllAtDaytimeSizesWithoutRecords();
  }

  @Test
  void aMistakenDefaultScheduleTakesNothingDown() {
    seed(OFFICE_BY_DEFAULT, Map.of());

    Map<String, Object> evening = fleet.tick(MotoFleet.at(0, "19:05"));

    // 9 scale-downs planned, 6 of them (prod-1's and prod-2's) only by the default: 66.7% > 50%.
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertAllAtDaytimeSizesWithoutRecords();
    assertThat(evening.get("status")).isEqualTo("limit-exceeded");
    assertThat((String) evening.get("reason"))
        .isEqualTo(
            "the plan makes 6 inferred changes to the 9 resources it looked at (66.7%),"
                + " limits.maxChangesPercent is 50; nothing was applied");
    assertThat((Map<String, Object>) evening.get("limits"))
        .containsEntry("lookedAt", 9)
        .containsEntry("changes", 9)
        .containsEntry("inferredChanges", 6)
        .containsEntry("maxChangesPercent", 50);
    assertThat((List<Object>) evening.get("planned")).hasSize(9);
    assertThat((List<Object>) evening.get("applied")).isEmpty();
    assertThat((Map<String, Double>) evening.get("metrics"))
        .containsEntry("ChangeLimitExceeded", 1.0);
    assertThat(fleet.sent.audits())
        .extracting(SentRequests.Audit::detailType)
        .containsExactly("Change Limit Exceeded");
    assertThat(fleet.sent.audits("Change Limit Exceeded").get(0).detail())
        .containsEntry("function", "nodegroup-scheduler")
        .containsEntry("lookedAt", BigDecimal.valueOf(9))
        .containsEntry("changes", BigDecimal.valueOf(9))
        .containsEntry("inferredChanges", BigDecimal.valueOf(6));
  }

  @Test
  void aFleetThatMeansItsDefaultScheduleRaisesThePercent() {
    seed(
        OFFICE_BY_DEFAULT.replaceFirst("\\{", "{\"limits\": {\"maxChangesPercent\": 100},"),
        Map.of());

    Map<String, Object> evening = fleet.tick(MotoFleet.at(0, "19:05"));

    assertThat(evening.get("status")).isEqualTo("ok");
    assertThat(fleet.sent.audits("Nodegroup Scaled Down")).hasSize(9);
  }

  @Test
  void aMorningTheLimitsStopAppliesNothingUntilTheConfigIsFixed() {
    seed(OFFICE, Map.of());
    fleet.settling();
    fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(fleet.sent.audits("Nodegroup Scaled Down")).hasSize(3);
    fleet.config(LATE_BY_DEFAULT);

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));

    // prod-1's and prod-2's 6 groups would go down by the default: 6 of 9, stopped. The run
    // applies nothing, not even dev-1's restores: the alarm asks for the config to be fixed.
    assertThat(morning.get("status")).isEqualTo("limit-exceeded");
    assertThat((Map<String, Object>) morning.get("limits"))
        .containsEntry("lookedAt", 9)
        .containsEntry("changes", 6)
        .containsEntry("inferredChanges", 6);
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.sent.audits())
        .extracting(SentRequests.Audit::detailType)
        .containsExactly("Change Limit Exceeded");
    ORIGINAL.forEach(
        (name, sizes) -> {
          assertThat(fleet.sizes("dev-1", name)).as("dev-1/" + name).isEqualTo(new Sizes(0, 0, 1));
          assertThat(fleet.tags("dev-1", name)).containsKey(Contract.ORIGINAL_SCALING_TAG);
          assertThat(fleet.sizes("prod-1", name)).as("prod-1/" + name).isEqualTo(sizes);
        });

    fleet.config(OFFICE);
    Map<String, Object> fixed = fleet.tick(MotoFleet.at(1, "07:10"));

    assertThat(fixed.get("status")).isEqualTo("ok");
    assertThat(fleet.sent.audits("Nodegroup Scaled Up")).hasSize(3);
    assertAllAtDaytimeSizesWithoutRecords();
  }
}
