package dev.ekssteward.scheduler.plan;

import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DOWN;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.NOW;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An earlier version's unsigned record is acted on only inside the migration window the config
 * opens ({@code scheduler.acceptUnsignedRecordsUntil}): on a group that runs at min 0 by day, one
 * that a principal who may only tag wrote agrees with the group just as well.
 */
class UnsignedRecordPlanTest {
  /** A scale-from-zero group, never scaled down. */
  static final Sizes FROM_ZERO = new Sizes(0, 0, 8);

  static final String FORGED = "8-8-8@2026-01-01T00:00Z";

  private static Nodegroup group(String schedule) {
    return new Nodegroup(
        "dev-1",
        "web",
        "arn:ng/web",
        "ACTIVE",
        FROM_ZERO,
        Map.of(Contract.SCHEDULE_TAG, schedule, Contract.ORIGINAL_SCALING_TAG, FORGED),
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of(),
        null,
        null);
  }

  private static Plan plan(String schedule, String until) {
    StewardConfig config =
        RunFactsPlanTest.config(
            until == null ? "" : "\"acceptUnsignedRecordsUntil\": \"" + until + "\"");
    return RunFactsPlanTest.plan(config, RunFacts.NONE, Selection.ALL, group(schedule), Map.of());
  }

  @Test
  void byDefaultAnUnsignedRecordIsReportedAndNeitherRestoredNorSigned() {
    Plan day = plan(UP, null);

    assertThat(day.actions()).noneMatch(a -> a instanceof Restore);
    assertThat(day.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detailType()).isEqualTo(Trust.NOT_TRUSTED);
              assertThat(f.detail().get("reason").toString())
                  .contains("scheduler.acceptUnsignedRecordsUntil is not set");
            });
    // At night the record is not acted on, so it is not signed either (that would launder it).
    assertThat(RunFactsPlanTest.types(plan(DOWN, null))).isEmpty();
  }

  @Test
  void insideTheMigrationWindowAnAgreeingRecordIsRestoredAndSigned() {
    String until = NOW.plusSeconds(3600).toString();

    assertThat(RunFactsPlanTest.types(plan(UP, until))).containsExactly("Restore");
    assertThat(RunFactsPlanTest.types(plan(DOWN, until))).containsExactly("ResignRecord");
  }

  @Test
  void theWindowEndsByItself() {
    Plan day = plan(UP, NOW.toString());

    assertThat(day.actions()).noneMatch(a -> a instanceof Restore);
    assertThat(day.findings())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.detail().get("reason").toString())
                    .contains("not accepted since scheduler.acceptUnsignedRecordsUntil " + NOW));
    assertThat(RunFactsPlanTest.types(plan(DOWN, NOW.toString()))).isEmpty();
  }
}
