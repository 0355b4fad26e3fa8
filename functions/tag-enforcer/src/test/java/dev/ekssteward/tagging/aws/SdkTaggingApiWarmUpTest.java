package dev.ekssteward.tagging.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.SilentEndpoint;
import org.junit.jupiter.api.Test;

/** The Auto Scaling warm-up is answered in memory (its canned XML parses) and sends nothing. */
class SdkTaggingApiWarmUpTest {
  @Test
  void autoScalingWarmUpGoesThroughWithoutAConnection() throws Exception {
    var clients = SilentEndpoint.warmUp("tag-enforcer", c -> new SdkTaggingApi(c).prime());

    assertThat(clients.built()).isEmpty();
  }
}
