package dev.ekssteward.thumbprint.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.testing.SilentEndpoint;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The IAM warm-up is answered in memory (its canned XML parses) and sends nothing. */
class OidcProvidersWarmUpTest {
  @Test
  void iamWarmUpGoesThroughWithoutAConnection() throws Exception {
    Retry retry = new Retry(1, Duration.ZERO, Duration.ZERO, d -> {});

    var clients =
        SilentEndpoint.warmUp("oidc-thumbprint-rotator", c -> new OidcProviders(c, retry).prime());

    assertThat(clients.built()).isEmpty();
  }
}
