package dev.ekssteward.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.model.ParameterType;

class ConfigLoaderIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private final CallRecorder calls = new CallRecorder("shared");

  private ConfigLoader loader() {
    AwsClients clients = new AwsClients(aws.settings(true), "shared", List.of(calls));
    return new ConfigLoader(clients, new Retry(2, Duration.ZERO, Duration.ZERO, d -> {}), Set.of());
  }

  @Test
  void missingParameterMeansDefaults() {
    ConfigLoader.Loaded loaded = loader().load();

    assertThat(loaded.source()).isEqualTo("defaults");
    assertThat(loaded.config().scheduler().gracePeriodMinutes()).isEqualTo(30);
    assertThat(calls.calls()).containsExactly("ssm:GetParameter");
  }

  @Test
  void readsTheDocumentFromParameterStore() {
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .type(ParameterType.STRING)
                    .value("{\"scheduler\":{\"gracePeriodMinutes\":45}}"));

    ConfigLoader.Loaded loaded = loader().load();

    assertThat(loaded.source()).isEqualTo("/eks-steward/config");
    assertThat(loaded.config().scheduler().gracePeriodMinutes()).isEqualTo(45);
  }

  @Test
  void invalidDocumentNamesThePath() {
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .type(ParameterType.STRING)
                    .value("{\"scheduler\":{\"gracePeriodMinutes\":\"soon\"}}"));

    assertThatThrownBy(() -> loader().load())
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid /eks-steward/config: $.scheduler.gracePeriodMinutes: must be a whole number");
  }
}
