package dev.ekssteward.thumbprint.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.runtime.Settings;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The IAM warm-up is answered in memory (its canned XML parses) and sends nothing. */
class OidcProvidersWarmUpTest {
  @Test
  void iamWarmUpGoesThroughWithoutAConnection() throws Exception {
    try (ServerSocket endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      endpoint.setSoTimeout(200);
      URI url = URI.create("http://127.0.0.1:" + endpoint.getLocalPort());
      AwsClients clients =
          new AwsClients(
              new Settings("/eks-steward", true, null, "eu-west-1", url, null),
              "oidc-thumbprint-rotator",
              List.of(),
              false);

      boolean warm =
          new OidcProviders(clients, new Retry(1, Duration.ZERO, Duration.ZERO, d -> {})).prime();

      assertThat(warm).isTrue();
      assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
      assertThat(clients.built()).isEmpty();
    }
  }
}
