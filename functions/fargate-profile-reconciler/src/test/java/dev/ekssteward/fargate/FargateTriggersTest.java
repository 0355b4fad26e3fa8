package dev.ekssteward.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.CallerIdentity;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FargateTriggersTest {
  static final String SELF =
      "arn:aws:iam::123456789012:role/stack-FargateProfileReconcilerFunctionRole-X";
  final FargateTriggers triggers =
      new FargateTriggers("/eks-steward", SELF, "fargate-profile-reconciler");

  static ParameterChange parameter(String name) {
    return new ParameterChange(name, "Update", "123456789012", "eu-west-1", Instant.EPOCH);
  }

  static CloudTrailCall call(String event, String agent, String issuer, String errorCode) {
    return new CloudTrailCall(
        "eks.amazonaws.com",
        event,
        "id",
        Instant.EPOCH,
        "123456789012",
        "eu-west-1",
        Map.of("name", "dev-1", "fargateProfileName", "x"),
        Map.of(),
        new CallerIdentity(
            "AssumedRole", "arn:aws:sts::123456789012:assumed-role/r/s", null, issuer, null),
        agent,
        errorCode);
  }

  @Test
  void aDesiredStateParameterConcernsJustThatCluster() {
    Trigger t = parameter("/eks-steward/fargate/dev-1");
    assertThat(triggers.ignoreReason(t)).isNull();
    assertThat(triggers.cluster(t)).isEqualTo("dev-1");
  }

  @Test
  void otherParametersAreIgnored() {
    assertThat(triggers.ignoreReason(parameter("/eks-steward/config")))
        .isEqualTo(
            "parameter /eks-steward/config is not a Fargate desired state (/eks-steward/fargate/<cluster>)");
    assertThat(triggers.ignoreReason(parameter("/other/fargate/dev-1"))).isNotNull();
    assertThat(triggers.ignoreReason(parameter("/eks-steward/fargate/a/b"))).isNotNull();
  }

  @Test
  void someoneElsesProfileCallConcernsThatCluster() {
    Trigger t =
        call("DeleteFargateProfile", "aws-cli/2.15", "arn:aws:iam::123456789012:role/admin", null);
    assertThat(triggers.ignoreReason(t)).isNull();
    assertThat(triggers.cluster(t)).isEqualTo("dev-1");
  }

  @Test
  void ourOwnCallsAreIgnoredByUserAgentOrRole() {
    assertThat(
            triggers.ignoreReason(
                call(
                    "CreateFargateProfile",
                    "aws-sdk-java/2.57 eks-steward/fargate-profile-reconciler",
                    null,
                    null)))
        .isEqualTo("the call was made by this function");
    assertThat(triggers.ignoreReason(call("CreateFargateProfile", "aws-sdk-java/2.57", SELF, null)))
        .isEqualTo("the call was made by this function");
  }

  @Test
  void failedAndUnrelatedCallsAreIgnored() {
    assertThat(
            triggers.ignoreReason(
                call("CreateFargateProfile", "aws-cli", null, "ResourceInUseException")))
        .isEqualTo("the call failed (ResourceInUseException), nothing changed");
    assertThat(triggers.ignoreReason(call("CreateNodegroup", "aws-cli", null, null)))
        .isEqualTo("not a Fargate profile call: eks.amazonaws.com CreateNodegroup");
  }

  @Test
  void aScheduleTickSweepsEveryCluster() {
    Trigger t = new ScheduleTick(Instant.EPOCH, "rule");
    assertThat(triggers.ignoreReason(t)).isNull();
    assertThat(triggers.cluster(t)).isNull();
  }
}
