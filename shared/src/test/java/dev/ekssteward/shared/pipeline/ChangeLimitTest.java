package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.config.LimitsConfig;
import dev.ekssteward.shared.config.StewardConfig;
import org.junit.jupiter.api.Test;

/** The decision alone: counts against limits, with the defaults a fresh install has. */
class ChangeLimitTest {
  private static final LimitsConfig DEFAULTS = StewardConfig.defaults().limits();

  @Test
  void aNormalEveningOnATaggedFleetPassesTheDefaults() {
    // Every group looked at goes down, each by its own (or its cluster's) schedule tag.
    ChangeLimit.Verdict v = ChangeLimit.check(new Reach(500, 500, 0), DEFAULTS);

    assertThat(v.allowed()).isTrue();
  }

  @Test
  void aMorningChangesNothingTheLimitsCount() {
    // Restores are never counted, so nothing can hold a fleet at zero.
    assertThat(ChangeLimit.check(new Reach(500, 0, 0), new LimitsConfig(0, 0)).allowed()).isTrue();
  }

  @Test
  void inferredChangesOverHalfOfWhatWasLookedAtAreStopped() {
    ChangeLimit.Verdict v = ChangeLimit.check(new Reach(10, 8, 6), DEFAULTS);

    assertThat(v.allowed()).isFalse();
    assertThat(v.exceeded())
        .containsExactly(
            "the plan makes 6 inferred changes to the 10 resources it looked at (60.0%),"
                + " limits.maxChangesPercent is 50");
    assertThat(v.detail())
        .containsEntry("lookedAt", 10)
        .containsEntry("changes", 8)
        .containsEntry("inferredChanges", 6)
        .containsEntry("inferredPercent", 60.0)
        .containsEntry("maxChangesPercent", 50)
        .doesNotContainKey("maxChangesPerRun");
    assertThat(v.reason()).endsWith("; nothing was applied");
  }

  @Test
  void exactlyTheLimitIsAllowed() {
    assertThat(ChangeLimit.check(new Reach(4, 2, 2), DEFAULTS).allowed()).isTrue();
    assertThat(ChangeLimit.check(new Reach(3, 2, 2), DEFAULTS).allowed()).isFalse();
    assertThat(ChangeLimit.check(new Reach(7, 5, 0), new LimitsConfig(5, 50)).allowed()).isTrue();
  }

  @Test
  void theCountLimitCountsEveryChangeAndBothLimitsAreNamed() {
    ChangeLimit.Verdict v = ChangeLimit.check(new Reach(3, 3, 3), new LimitsConfig(2, 50));

    assertThat(v.exceeded())
        .containsExactly(
            "the plan makes 3 changes, limits.maxChangesPerRun is 2",
            "the plan makes 3 inferred changes to the 3 resources it looked at (100.0%),"
                + " limits.maxChangesPercent is 50");
    assertThat(v.detail()).containsEntry("maxChangesPerRun", 2);
  }

  @Test
  void zeroFreezesEveryChangeAndAHundredPercentAllowsAWholeFleet() {
    assertThat(ChangeLimit.check(new Reach(9, 1, 0), new LimitsConfig(0, 100)).allowed()).isFalse();
    assertThat(ChangeLimit.check(new Reach(9, 9, 9), new LimitsConfig(null, 100)).allowed())
        .isTrue();
  }

  @Test
  void reachesAddUpAcrossScopesAndMustBeConsistent() {
    assertThat(new Reach(3, 2, 1).plus(new Reach(4, 1, 0))).isEqualTo(new Reach(7, 3, 1));
    assertThatThrownBy(() -> new Reach(1, 1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
