package dev.ekssteward.scheduler.plan;

import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DAY;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.DOWN;
import static dev.ekssteward.scheduler.plan.RunFactsPlanTest.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Plan;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A wake counts from the request's own time, so a retried delivery keeps the same end. */
class WakeTimePlanTest {
  static final Instant SENT = NOW.minusSeconds(600);

  private static Plan wake(Nodegroup g, Instant now) {
    return NodegroupPlanner.plan(
        RunFactsPlanTest.state(RunFacts.NONE, g, RunFactsPlanTest.VERIFIED),
        RunFactsPlanTest.config("").scheduler(),
        now,
        new Selection.Wake(List.of("web"), 60, SENT),
        true);
  }

  private static Nodegroup keptUpUntil(Nodegroup g, String until) {
    Map<String, String> tags = new HashMap<>(g.tags());
    tags.put(Contract.KEEP_UP_UNTIL_TAG, until);
    return new Nodegroup(
        g.cluster(),
        g.name(),
        g.arn(),
        g.status(),
        g.sizes(),
        tags,
        g.createdAt(),
        g.autoScalingGroups(),
        g.autoscaler(),
        g.instanceType());
  }

  @Test
  void theWakeEndsAnHourAfterTheRequestWasSentNotAfterItWasHandled() {
    Plan plan = wake(RunFactsPlanTest.group(DOWN, DAY, null, null), NOW);

    assertThat(plan.actions())
        .filteredOn(KeepUp.class::isInstance)
        .singleElement()
        .satisfies(a -> assertThat(((KeepUp) a).until()).isEqualTo(SENT.plusSeconds(3600)));
  }

  @Test
  void aDeliveryRetriedLaterFindsTheTagAlreadySaysSo() {
    Nodegroup g =
        keptUpUntil(
            RunFactsPlanTest.group(DOWN, DAY, null, null), SENT.plusSeconds(3600).toString());

    Plan retry = wake(g, NOW.plusSeconds(300));

    assertThat(retry.actions()).noneMatch(KeepUp.class::isInstance);
    assertThat(retry.actions())
        .filteredOn(Action.Skip.class::isInstance)
        .extracting(a -> ((Action.Skip) a).reason())
        .anySatisfy(r -> assertThat(r).startsWith("already kept up until"));
  }

  @Test
  void aRequestWhoseWakeHasEndedChangesNothing() {
    Plan late = wake(RunFactsPlanTest.group(DOWN, DAY, null, null), SENT.plusSeconds(3600));

    assertThat(RunFactsPlanTest.types(late)).containsExactly("Skip");
    assertThat(late.findings()).isEmpty();
  }
}
