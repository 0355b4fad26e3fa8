package dev.ekssteward.scheduler.plan;

import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DAY;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DOWN;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Plan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Finishing a scale-down whose record is already written: its request must not reuse the first
 * one's clientRequestToken, which EKS would answer as a replay without changing anything.
 */
class FinishScaleDownPlanTest {
  static final Instant FIRST = Instant.parse("2026-11-25T06:00:00Z");
  static final Instant LATER = Instant.parse("2026-11-25T12:00:00Z");

  private static ScaleDown scaleDown(OriginalScaling record, Instant now) {
    Plan plan =
        NodegroupPlanner.plan(
            RunFactsPlanTest.state(
                RunFacts.NONE, RunFactsPlanTest.group(DOWN, DAY, record, null), VERIFIED),
            RunFactsPlanTest.config("").scheduler(),
            now,
            Selection.ALL,
            true);
    assertThat(RunFactsPlanTest.types(plan)).containsExactly("ScaleDown");
    return (ScaleDown) plan.actions().get(0);
  }

  @Test
  void aScaleDownFinishedLaterSendsANewTokenAndKeepsTheRecordsTime() {
    ScaleDown first = scaleDown(null, FIRST);
    // Written by the first run, in the same schedule period; the group is at its sizes again.
    ScaleDown later = scaleDown(first.record(), LATER);

    assertThat(later.record()).isEqualTo(first.record());
    assertThat(later.record().downAt()).isEqualTo(FIRST);
    assertThat(later.token()).isNotEqualTo(first.token());
    assertThat(scaleDown(first.record(), LATER.plusSeconds(300)).token())
        .isNotEqualTo(later.token());
  }
}
