package dev.ekssteward.scheduler.plan;

import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DAY;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DOWN;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.FORGED;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.UP;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The record was written, the scale-down failed, and Cluster Autoscaler then moved desired (min and
 * max as recorded): that is no person's change (DESIGN §5). The night finishes the scale-down with
 * the original sizes; the morning reports nothing.
 */
class AutoscaledMidScaleDownPlanTest {
  /** Written this period (the DOWN schedule's began at 00:01), the scale-down never applied. */
  static final OriginalScaling WRITTEN =
      OriginalScaling.of(DAY, Instant.parse("2026-11-25T06:00:00Z"), 1);

  static final Sizes AUTOSCALED = new Sizes(2, 4, 5);

  private static Plan plan(String schedule, Sizes sizes, Map<String, Trust> macs) {
    return RunFactsPlanTest.plan(
        RunFactsPlanTest.config(""),
        RunFacts.NONE,
        Selection.ALL,
        RunFactsPlanTest.group(schedule, sizes, WRITTEN, null),
        macs);
  }

  @Test
  void theNightFinishesTheScaleDownKeepingTheOriginalSizes() {
    Plan plan = plan(DOWN, AUTOSCALED, VERIFIED);

    assertThat(RunFactsPlanTest.types(plan)).containsExactly("ScaleDown");
    ScaleDown down = (ScaleDown) plan.actions().get(0);
    assertThat(down.record()).isEqualTo(WRITTEN);
    assertThat(down.before()).isEqualTo(AUTOSCALED);
    assertThat(down.after()).isEqualTo(new Sizes(0, 0, 1));
    assertThat(plan.findings()).isEmpty();
  }

  @Test
  void aChangedMinOrMaxIsStillAPersonsChange() {
    assertThat(RunFactsPlanTest.types(plan(DOWN, new Sizes(1, 4, 5), VERIFIED)))
        .containsExactly("Skip");
    assertThat(RunFactsPlanTest.types(plan(DOWN, new Sizes(2, 4, 6), VERIFIED)))
        .containsExactly("Skip");
  }

  @Test
  void theOriginalDesiredIsTakenOnlyFromAVerifiedRecord() {
    Plan plan = plan(DOWN, AUTOSCALED, FORGED);

    assertThat(RunFactsPlanTest.types(plan)).containsExactly("Skip");
    assertThat(plan.findings()).extracting(Finding::detailType).containsExactly(Trust.NOT_TRUSTED);
  }

  @Test
  void theMorningDropsTheRecordWithoutAChangedWhileDownFinding() {
    Plan plan = plan(UP, AUTOSCALED, VERIFIED);

    assertThat(RunFactsPlanTest.types(plan)).containsExactly("DropRecord");
    assertThat(plan.findings()).isEmpty();
    // A person's min is still reported.
    assertThat(plan(UP, new Sizes(1, 4, 5), VERIFIED).findings())
        .extracting(Finding::detailType)
        .containsExactly("Nodegroup Changed While Down");
  }
}
