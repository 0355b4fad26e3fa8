package dev.ekssteward.shared.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.config.ConfigException;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void defaultsToDryRunAndTheStandardPrefix() {
    Settings s = Settings.from(Map.of("AWS_REGION", "eu-west-1"));

    assertThat(s.dryRun()).isTrue();
    assertThat(s.configParameter()).isEqualTo("/eks-steward/config");
    assertThat(s.auditBus()).isNull();
    assertThat(s.endpoint()).isNull();
    assertThat(s.metricsNamespace()).isEqualTo("EksSteward");
  }

  @Test
  void readsTheMetricsNamespace() {
    Settings s =
        Settings.from(Map.of("AWS_REGION", "eu-west-1", "METRICS_NAMESPACE", " EksSteward/prod "));

    assertThat(s.metricsNamespace()).isEqualTo("EksSteward/prod");
  }

  @Test
  void readsEveryVariable() {
    Settings s =
        Settings.from(
            Map.of(
                "AWS_REGION", "us-east-2",
                "CONFIG_PREFIX", "/platform/steward",
                "DRY_RUN", "false",
                "AUDIT_BUS", "audit",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:5000",
                "STEWARD_ROLE_ARN", "arn:aws:iam::111122223333:role/x"));

    assertThat(s)
        .isEqualTo(
            new Settings(
                "/platform/steward",
                false,
                "audit",
                "us-east-2",
                URI.create("http://127.0.0.1:5000"),
                "arn:aws:iam::111122223333:role/x"));
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(
            () -> Settings.from(Map.of("DRY_RUN", "maybe", "CONFIG_PREFIX", "eks-steward/")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid environment: CONFIG_PREFIX: must look like /eks-steward (no trailing slash); "
                + "DRY_RUN: must be true or false; AWS_REGION: is not set");
  }

  @Test
  void aMetricsNamespaceOfAwsIsRefusedAtStartUp() {
    assertThatThrownBy(
            () -> Settings.from(Map.of("AWS_REGION", "eu-west-1", "METRICS_NAMESPACE", "AWS/EKS")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid environment: METRICS_NAMESPACE: must not start with AWS/ (reserved for AWS"
                + " services)");
  }

  @Test
  void fanOutIsOffUnlessAQueueIsSetAndThenEveryTickFansOut() {
    Settings off = Settings.from(Map.of("AWS_REGION", "eu-west-1"));
    Settings on =
        Settings.from(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "FANOUT_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/111122223333/fanout",
                "FANOUT_MIN_TARGETS", "6"));

    assertThat(off.fanOutQueueUrl()).isNull();
    assertThat(off.fanOutMinTargets()).isEqualTo(1);
    assertThat(on.fanOutQueueUrl())
        .isEqualTo("https://sqs.eu-west-1.amazonaws.com/111122223333/fanout");
    assertThat(on.fanOutMinTargets()).isEqualTo(6);
  }

  @Test
  void badFanOutValuesNameTheVariable() {
    assertThatThrownBy(
            () ->
                Settings.from(
                    Map.of(
                        "AWS_REGION", "eu-west-1",
                        "FANOUT_QUEUE_URL", "fanout",
                        "FANOUT_MIN_TARGETS", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "invalid environment: FANOUT_QUEUE_URL: must be an SQS queue URL; "
                + "FANOUT_MIN_TARGETS: must be a whole number of at least 1");
  }

  @Test
  void theRecheckQueueIsOffUnlessSetAndMustBeAUrl() {
    Settings off = Settings.from(Map.of("AWS_REGION", "eu-west-1"));
    Settings on =
        Settings.from(
            Map.of(
                "AWS_REGION", "eu-west-1",
                "RECHECK_QUEUE_URL", "https://sqs.eu-west-1.amazonaws.com/111122223333/recheck"));

    assertThat(off.recheckQueueUrl()).isNull();
    assertThat(on.recheckQueueUrl())
        .isEqualTo("https://sqs.eu-west-1.amazonaws.com/111122223333/recheck");
    assertThatThrownBy(
            () -> Settings.from(Map.of("AWS_REGION", "eu-west-1", "RECHECK_QUEUE_URL", "recheck")))
        .isInstanceOf(ConfigException.class)
        .hasMessage("invalid environment: RECHECK_QUEUE_URL: must be an SQS queue URL");
  }
}
