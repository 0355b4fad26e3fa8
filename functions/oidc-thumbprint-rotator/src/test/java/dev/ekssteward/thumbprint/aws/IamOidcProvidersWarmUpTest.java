package dev.ekssteward.thumbprint.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.SilentEndpoint;
import org.junit.jupiter.api.Test;

/** The IAM warm-up is answered in memory (its canned XML parses) and sends nothing. */
class IamOidcProvidersWarmUpTest {
  @Test
  void iamWarmUpGoesThroughWithoutAConnection() throws Exception {
    var clients =
        SilentEndpoint.warmUp("oidc-thumbprint-rotator", c -> new IamOidcProviders(c).warmUp());

    assertThat(clients.built()).isEmpty();
  }
}
