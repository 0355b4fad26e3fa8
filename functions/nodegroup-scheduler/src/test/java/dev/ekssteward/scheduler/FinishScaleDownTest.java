package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.pipeline.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Someone sets a down group back to exactly its recorded sizes during the night: the next tick
 * scales it down again for real (EKS would answer the evening's token as a replay and change
 * nothing), and says so once. Through the real controller and executors.
 */
class FinishScaleDownTest {
  static final Instant EVENING = Instant.parse("2026-11-25T18:05:00Z");
  static final Sizes DAY = new Sizes(2, 3, 5);

  @Test
  void aGroupSetBackToItsRecordedSizesAtNightGoesDownAgain() {
    FakeTicks t = FakeTicks.oneGroup(DAY);
    t.tick(EVENING);
    t.eks.settle();
    t.eks.setSizes("dev-1", "web", DAY);

    List<Outcome> night = t.tick(Instant.parse("2026-11-25T22:05:00Z"));

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(ConvergenceTest.NIGHT);
    assertThat(FakeTicks.audited(night, "Nodegroup Scaled Down")).isEqualTo(1);
    t.eks.settle();
    assertThat(
            FakeTicks.audited(
                t.tick(Instant.parse("2026-11-25T22:10:00Z")), "Nodegroup Scaled Down"))
        .isZero();
  }
}
