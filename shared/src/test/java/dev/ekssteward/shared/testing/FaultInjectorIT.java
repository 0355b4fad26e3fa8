package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import java.net.SocketTimeoutException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** The fault injector against moto: which calls fail, how, and who retries them. */
class FaultInjectorIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static SsmClient ssm(ExecutionInterceptor... interceptors) {
    ClientOverrideConfiguration.Builder o = ClientOverrideConfiguration.builder();
    for (ExecutionInterceptor i : interceptors) {
      o.addExecutionInterceptor(i);
    }
    return aws.client(
        SsmClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o.build()));
  }

  private static EksClient eks(ExecutionInterceptor i) {
    return aws.client(
        EksClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .overrideConfiguration(o -> o.addExecutionInterceptor(i)));
  }

  private static void put(SsmClient ssm, String name) {
    ssm.putParameter(r -> r.name(name).value("v").type("String").overwrite(true));
  }

  @Test
  void crashFailsCallNAndEveryLaterCallWithTheServicesOwnException() {
    FaultInjector crash = FaultInjector.crashAt(2, Kind.SERVER_ERROR);
    SsmClient ssm = ssm(crash);

    put(ssm, "/x/1");
    assertThatThrownBy(() -> put(ssm, "/x/2"))
        .isInstanceOfSatisfying(
            SsmException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(500);
              assertThat(Retry.isRetryable(e)).isTrue();
            });
    assertThatThrownBy(() -> ssm.getParameter(r -> r.name("/x/1")))
        .isInstanceOf(SsmException.class);

    assertThat(crash.calls()).isEqualTo(3);
    assertThat(crash.faulted())
        .containsExactly("#2 ssm:PutParameter SERVER_ERROR", "#3 ssm:GetParameter SERVER_ERROR");
    assertThat(aws.ssm().getParametersByPath(r -> r.path("/x")).parameters()).hasSize(1);
  }

  @Test
  void aBlipIsRetriedByTheSdkItself() {
    FaultInjector blip = FaultInjector.blipAt(1, Kind.SERVER_ERROR);

    put(ssm(blip), "/x/1");

    assertThat(blip.faulted()).containsExactly("#1 ssm:PutParameter SERVER_ERROR");
    assertThat(aws.ssm().getParameter(r -> r.name("/x/1")).parameter().value()).isEqualTo("v");
  }

  @Test
  void aTimeoutLosesTheAnswerOfARequestTheServiceCarriedOut() {
    FaultInjector crash = FaultInjector.crashAt(1, Kind.TIMEOUT);

    assertThatThrownBy(() -> put(ssm(crash), "/x/1"))
        .isInstanceOf(SdkClientException.class)
        .hasRootCauseInstanceOf(SocketTimeoutException.class);

    // The SDK retried and gave up, yet the first attempt was carried out.
    assertThat(crash.faulted().get(0)).isEqualTo("#1 ssm:PutParameter TIMEOUT after sending");
    assertThat(aws.ssm().getParameter(r -> r.name("/x/1")).parameter().value()).isEqualTo("v");
  }

  @Test
  void throttlesAndRequestLimitsLookExactlyAsAwsSendsThem() {
    FaultInjector limit = FaultInjector.crashAt(1, Kind.REQUEST_LIMIT);
    FaultInjector throttle = FaultInjector.crashAt(1, Kind.THROTTLE);

    assertThatThrownBy(() -> eks(limit).listClusters())
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(Retry.isRequestLimit(e)).isTrue();
              assertThat(e.isThrottlingException()).isFalse();
            });
    assertThatThrownBy(() -> eks(throttle).listClusters())
        .isInstanceOfSatisfying(
            EksException.class,
            e -> {
              assertThat(e.isThrottlingException()).isTrue();
              assertThat(Retry.isRetryable(e)).isTrue();
            });
    assertThat(limit.faulted()).containsExactly("#1 eks:ListClusters REQUEST_LIMIT");
    assertThat(throttle.faulted()).containsExactly("#1 eks:ListClusters THROTTLE");
  }

  @Test
  void accessDeniedIsTerminalAndHitsOnlyTheChosenCalls() {
    FaultInjector deny =
        FaultInjector.always(
            Kind.ACCESS_DENIED, c -> c.field("Name").orElse("").startsWith("/secret"));
    SsmClient ssm = ssm(deny);

    put(ssm, "/open/1");
    assertThatThrownBy(() -> put(ssm, "/secret/1"))
        .isInstanceOfSatisfying(
            AwsServiceException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(Retry.isRetryable(e)).isFalse();
            });
    assertThat(deny.faulted()).containsExactly("#2 ssm:PutParameter ACCESS_DENIED");
  }

  @Test
  void mutationsOnlyNumbersWritesAndTheAuditBusIsLeftAlone() {
    FaultInjector crash = FaultInjector.crashAt(1, Kind.SERVER_ERROR).mutationsOnly();
    SsmClient ssm = ssm(crash);

    ssm.describeParameters();
    assertThatThrownBy(() -> put(ssm, "/x/1")).isInstanceOf(SsmException.class);

    assertThat(crash.counted()).containsExactly("ssm:PutParameter");
    assertThat(crash.faulted()).containsExactly("#1 ssm:PutParameter SERVER_ERROR");
    assertThat(List.of(Actions.mutates("events:PutEvents"), Actions.mutates("eks:TagResource")))
        .containsExactly(false, true);
  }
}
