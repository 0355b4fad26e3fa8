package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;

/** The warm-up sends its requests through the SDK, never over the network. */
class ClientWarmUpTest {
  private ServerSocket endpoint;
  private AwsClients clients;
  private final CallRecorder calls = new CallRecorder("warm-up-test");

  @BeforeEach
  void setUp() throws Exception {
    endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    endpoint.setSoTimeout(200);
    URI url = URI.create("http://127.0.0.1:" + endpoint.getLocalPort());
    Settings settings = new Settings("/eks-steward", true, "bus", "eu-west-1", url, null);
    clients = new AwsClients(settings, "warm-up-test", List.of(calls), Waits.none().backoff());
  }

  @AfterEach
  void tearDown() throws Exception {
    endpoint.close();
  }

  @Test
  void primingWarmsEveryHomeServiceWithoutAConnectionOrARecordedCall() {
    assertThat(clients.prime()).isTrue();

    assertThat(calls.calls()).isEmpty();
    assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
    assertThat(clients.built())
        .containsExactlyInAnyOrder(
            "ssm@self/eu-west-1", "eks@self/eu-west-1", "events@self/eu-west-1");
  }

  @Test
  void aWarmUpThatCannotBeAnsweredReportsFalseAndThrowsNothing() {
    boolean warm =
        clients.warmUp(SsmClient::builder, "not json", c -> c.getParameter(r -> r.name("/x")));

    assertThat(warm).isFalse();
    assertThatThrownBy(endpoint::accept).isInstanceOf(SocketTimeoutException.class);
  }
}
