package dev.ekssteward.shared.config;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.pipeline.TransientFailureException;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.ManualClock;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ssm.model.SsmException;

class ConfigLoaderIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private final CallRecorder calls = new CallRecorder("shared");

  private ConfigLoader loader() {
    return loader(List.of(calls));
  }

  private ConfigLoader loader(List<ExecutionInterceptor> interceptors) {
    AwsClients clients =
        new AwsClients(aws.settings(true), "shared", interceptors, Waits.none().backoff());
    return new ConfigLoader(clients, Set.of(), Clock.systemUTC());
  }

  @Test
  void missingParameterMeansDefaults() {
    ConfigLoader.Loaded loaded = loader().load();

    assertThat(loaded.source()).isEqualTo("defaults");
    assertThat(loaded.config().scheduler().gracePeriodMinutes()).isEqualTo(30);
    assertThat(calls.calls()).containsExactly("ssm:GetParameter");
  }

  @Test
  void aWarmContainerReadsTheConfigOnceAMinuteValidOrNot() {
    ManualClock clock = new ManualClock(java.time.Instant.parse("2026-11-25T18:00:00Z"));
    ConfigLoader loader =
        new ConfigLoader(
            new AwsClients(aws.settings(true), "shared", List.of(calls), Waits.none().backoff()),
            Set.of(),
            clock);
    aws.seeder().seed(fleet().config("{\"scheduler\":{\"gracePeriodMinutes\":\"soon\"}}"));

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(loader::load).isInstanceOf(ConfigException.class);
      clock.advance(java.time.Duration.ofSeconds(20));
    }
    assertThat(calls.calls()).containsExactly("ssm:GetParameter");

    aws.seeder().seed(fleet().config("{\"scheduler\":{\"gracePeriodMinutes\":45}}"));
    clock.advance(ConfigLoader.KEEP);
    assertThat(loader.load().config().scheduler().gracePeriodMinutes()).isEqualTo(45);
    assertThat(loader.load().config().scheduler().gracePeriodMinutes()).isEqualTo(45);
    assertThat(calls.calls()).containsExactly("ssm:GetParameter", "ssm:GetParameter");
  }

  @Test
  void readsTheDocumentFromParameterStore() {
    aws.seeder().seed(fleet().config("{\"scheduler\":{\"gracePeriodMinutes\":45}}"));

    ConfigLoader.Loaded loaded = loader().load();

    assertThat(loaded.source()).isEqualTo("/eks-steward/config");
    assertThat(loaded.config().scheduler().gracePeriodMinutes()).isEqualTo(45);
  }

  @Test
  void invalidDocumentNamesThePath() {
    aws.seeder().seed(fleet().config("{\"scheduler\":{\"gracePeriodMinutes\":\"soon\"}}"));

    assertThatThrownBy(() -> loader().load())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid /eks-steward/config: $.scheduler.gracePeriodMinutes: must be a whole number");
  }

  @Test
  void aDeniedReadIsATerminalConfigErrorNamingTheParameterAndTheReason() {
    FaultInjector denied = FaultInjector.always(Kind.ACCESS_DENIED, "ssm:GetParameter");

    assertThatThrownBy(() -> loader(List.of(denied, calls)).load())
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.source()).isEqualTo("/eks-steward/config");
              assertThat(e.errors())
                  .containsExactly(
                      new ConfigError(
                          "$",
                          "cannot be read: ssm:GetParameter failed with AccessDeniedException"
                              + " (HTTP 403): not authorized to perform ssm:GetParameter"));
            })
        .hasMessage(
            "cannot read /eks-steward/config: ssm:GetParameter failed with AccessDeniedException"
                + " (HTTP 403): not authorized to perform ssm:GetParameter; nothing was changed");
    // Not retryable: one read, no second attempt.
    assertThat(calls.calls()).containsExactly("ssm:GetParameter");
    assertThat(denied.faulted()).containsExactly("#1 ssm:GetParameter ACCESS_DENIED");
  }

  @Test
  void aThrottledReadIsTransientAfterTheRetries() {
    FaultInjector throttled = FaultInjector.always(Kind.THROTTLE, "ssm:GetParameter");

    assertThatThrownBy(() -> loader(List.of(throttled, calls)).load())
        .isInstanceOf(TransientFailureException.class)
        .hasMessage(
            "cannot read /eks-steward/config; the run will be retried: ssm:GetParameter failed"
                + " with ThrottlingException (HTTP 400): Rate exceeded")
        .cause()
        .isInstanceOf(SsmException.class);
    // One call as the function sees it; the SDK's strategy made every attempt of it.
    assertThat(calls.calls()).containsExactly("ssm:GetParameter");
    assertThat(throttled.faulted()).hasSize(Retry.MAX_ATTEMPTS);
  }

  @Test
  void anUnreachableEndpointIsTransient() {
    FaultInjector down = FaultInjector.always(Kind.ENDPOINT_DOWN, "ssm:GetParameter");

    assertThatThrownBy(() -> loader(List.of(down, calls)).load())
        .isInstanceOf(TransientFailureException.class)
        .hasMessageStartingWith(
            "cannot read /eks-steward/config; the run will be retried: ssm:GetParameter failed:")
        .hasMessageContaining("Connection refused");
    assertThat(down.faulted()).hasSize(Retry.MAX_ATTEMPTS);
  }
}
