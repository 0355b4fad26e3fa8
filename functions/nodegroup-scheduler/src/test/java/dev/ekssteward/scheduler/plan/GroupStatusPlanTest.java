package dev.ekssteward.scheduler.plan;

import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DAY;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DOWN;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.RECORD;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.UP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import org.junit.jupiter.api.Test;

/**
 * What a group's status lets the scheduler do: DEGRADED (a failed scale-out) still takes scaling,
 * one in transition waits for the next tick, and one stuck in a failed status is reported while the
 * scheduler would act on it.
 */
class GroupStatusPlanTest {
  private static Nodegroup in(String status, String schedule, Sizes sizes, OriginalScaling record) {
    Nodegroup g = RunFactsPlanTest.group(schedule, sizes, record, null);
    return new Nodegroup(
        g.cluster(),
        g.name(),
        g.arn(),
        status,
        g.sizes(),
        g.tags(),
        g.createdAt(),
        g.autoScalingGroups(),
        g.autoscaler(),
        g.instanceType());
  }

  private static Plan plan(Nodegroup g) {
    return RunFactsPlanTest.plan(RunFactsPlanTest.config(""), RunFacts.NONE, Selection.ALL, g);
  }

  private static Action.Skip skip(Plan plan) {
    return plan.actions().stream()
        .filter(Action.Skip.class::isInstance)
        .map(Action.Skip.class::cast)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aDegradedSleepingGroupIsRestoredInTheMorning() {
    // The autoscaler raised desired at night and the scale-out failed: DEGRADED, not busy.
    Plan plan = plan(in("DEGRADED", UP, new Sizes(0, 1, 1), RECORD));

    assertThat(RunFactsPlanTest.types(plan)).containsExactly("Restore");
    assertThat(((Restore) plan.actions().get(0)).record().sizes()).isEqualTo(DAY);
    assertThat(plan.findings()).isEmpty();
  }

  @Test
  void aDegradedGroupGoesDownAtNight() {
    assertThat(RunFactsPlanTest.types(plan(in("DEGRADED", DOWN, DAY, null))))
        .containsExactly("ScaleDown");
  }

  @Test
  void aGroupStuckInAFailedStatusWithARecordIsReported() {
    Plan plan = plan(in("DELETE_FAILED", UP, RECORD.night(), RECORD));

    assertThat(plan.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detailType()).isEqualTo("Nodegroup Not Active");
              assertThat(f.detail()).containsEntry("status", "DELETE_FAILED");
            });
    assertThat(RunFactsPlanTest.types(plan)).containsExactly("Skip");
  }

  @Test
  void aGroupStuckInAFailedStatusIsReportedOnlyWhileItShouldGoDown() {
    assertThat(plan(in("DELETE_FAILED", DOWN, DAY, null)).findings())
        .extracting(Finding::detailType)
        .containsExactly("Nodegroup Not Active");
    assertThat(plan(in("DELETE_FAILED", UP, DAY, null)).findings()).isEmpty();
    assertThat(plan(in("CREATE_FAILED", DOWN, new Sizes(0, 0, 1), null)).findings()).isEmpty();
  }

  @Test
  void aGroupInTransitionWaitsForTheNextTickWithoutAFinding() {
    Plan plan = plan(in("UPDATING", UP, RECORD.night(), RECORD));

    assertThat(plan.findings()).isEmpty();
    assertThat(skip(plan).reason()).endsWith("status UPDATING; the next tick retries");
  }
}
