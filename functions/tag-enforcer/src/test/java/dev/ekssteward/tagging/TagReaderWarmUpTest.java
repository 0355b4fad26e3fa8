package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.testing.SilentEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Auto Scaling warm-up is answered in memory (its canned XML parses) and sends nothing. */
class TagReaderWarmUpTest {
  @Test
  void autoScalingWarmUpGoesThroughWithoutAConnection() throws Exception {
    Retry retry = new Retry(1, Duration.ZERO, Duration.ZERO, d -> {});

    var clients = SilentEndpoint.warmUp(TagEnforcer.NAME, c -> new TagReader(c, retry).prime());

    assertThat(clients.built()).isEmpty();
  }
}
