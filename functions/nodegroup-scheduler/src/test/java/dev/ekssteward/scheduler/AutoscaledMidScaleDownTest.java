package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.FakeEks;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The evening wrote the record but its update failed; Cluster Autoscaler then raised desired. The
 * next tick finishes the scale-down, and the morning restores the original sizes without calling it
 * a person's change. Through the real controller and executors.
 */
class AutoscaledMidScaleDownTest {
  static final Sizes DAY = new Sizes(2, 3, 5);

  @Test
  void anAutoscalerMovingDesiredAfterAFailedScaleDownIsNoPersonsChange() {
    FakeTicks t = FakeTicks.oneGroup(DAY);
    t.eks.updatingAfterUpdate(false);
    t.eks.script("UpdateNodegroupConfig", FakeEks.requestLimit());
    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(DAY);
    t.eks.setSizes("dev-1", "web", new Sizes(2, 4, 5));

    t.tick(Instant.parse("2026-11-25T18:10:00Z"));

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(ConvergenceTest.NIGHT);
    String record = t.eks.tags("dev-1", "web").get(Contract.ORIGINAL_SCALING_TAG);
    assertThat(OriginalScaling.parse(record).sizes()).isEqualTo(DAY);

    t.tick(Instant.parse("2026-11-26T06:05:00Z"));
    t.tick(Instant.parse("2026-11-26T06:10:00Z"));

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(DAY);
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(t.plans)
        .flatExtracting(p -> p.findings())
        .noneMatch(f -> f.detailType().equals("Nodegroup Changed While Down"));
  }
}
