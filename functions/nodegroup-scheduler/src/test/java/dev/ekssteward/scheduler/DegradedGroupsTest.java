package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A group that turns DEGRADED at night (the autoscaler raised desired and the scale-out failed:
 * InsufficientInstanceCapacity) stays DEGRADED until a scale-out succeeds, and EKS still takes its
 * scaling: the morning restores it. Through the real controller and executors.
 */
class DegradedGroupsTest {
  static final Instant EVENING = Instant.parse("2026-11-25T18:05:00Z");
  static final Instant NIGHT = Instant.parse("2026-11-25T23:00:00Z");
  static final Instant MORNING = Instant.parse("2026-11-26T06:05:00Z");
  static final Sizes DAY = new Sizes(2, 3, 5);

  @Test
  void aGroupThatTurnedDegradedAtNightIsRestoredInTheMorning() {
    FakeTicks t = FakeTicks.oneGroup(DAY);
    t.tick(EVENING);
    t.eks.settle();
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(ConvergenceTest.NIGHT);
    t.eks.setSizes("dev-1", "web", new Sizes(0, 1, 1));
    t.eks.setStatus("dev-1", "web", "DEGRADED");
    t.tick(NIGHT);

    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(DAY);
    t.eks.settle();
    t.tick(MORNING.plusSeconds(300));
    assertThat(t.eks.describeNodegroup("dev-1", "web").status()).isEqualTo("DEGRADED");
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
  }
}
