package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import java.util.function.Predicate;

/**
 * Proves a warm-up sends nothing: the clients' endpoint is a local socket that must see no
 * connection while {@code warmUp} runs and reports success.
 */
public final class SilentEndpoint {
  private SilentEndpoint() {}

  /** Runs {@code warmUp}; returns the clients it was given, for checks of what they built. */
  public static AwsClients warmUp(String function, Predicate<AwsClients> warmUp)
      throws IOException {
    try (ServerSocket endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      endpoint.setSoTimeout(200);
      URI url = URI.create("http://127.0.0.1:" + endpoint.getLocalPort());
      AwsClients clients =
          new AwsClients(
              new Settings("/eks-steward", true, null, "eu-west-1", url, null),
              function,
              List.of(),
              Waits.none().backoff());

      assertThat(warmUp.test(clients)).as("warm-up answered").isTrue();
      assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
      return clients;
    }
  }
}
