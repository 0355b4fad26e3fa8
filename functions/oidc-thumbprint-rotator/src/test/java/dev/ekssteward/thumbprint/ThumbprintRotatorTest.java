package dev.ekssteward.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.StewardConfig;
import org.junit.jupiter.api.Test;

class ThumbprintRotatorTest {
  private final ThumbprintRotator rotator = new ThumbprintRotator(null);

  /** Was scheduler.maxConcurrency (for the probes; scopes had no setting of their own). */
  @Test
  void scopesAndProbesRunThumbprintsMaxConcurrencyAtOnce() {
    StewardConfig config =
        StewardConfig.parse(
            "{\"scheduler\":{\"maxConcurrency\":7},\"thumbprints\":{\"maxConcurrency\":3}}", "t");

    assertThat(rotator.declaration().concurrency().applyAsInt(config)).isEqualTo(3);
    assertThat(rotator.declaration().concurrency().applyAsInt(StewardConfig.defaults()))
        .isEqualTo(16);
  }
}
