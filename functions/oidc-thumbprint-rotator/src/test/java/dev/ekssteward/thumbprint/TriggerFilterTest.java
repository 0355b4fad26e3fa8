package dev.ekssteward.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.CallerIdentity;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerFilterTest {
  static final String ROLE =
      "arn:aws:iam::123456789012:role/eks-steward-ThumbprintRotatorFunctionRole-X";
  static final String PROVIDER =
      "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";

  static CloudTrailCall update(CallerIdentity caller, String userAgent, String errorCode) {
    return new CloudTrailCall(
        "iam.amazonaws.com",
        "UpdateOpenIDConnectProviderThumbprint",
        "id",
        Instant.EPOCH,
        "123456789012",
        "us-east-1",
        Map.of("openIDConnectProviderArn", PROVIDER),
        Map.of(),
        caller,
        userAgent,
        errorCode);
  }

  static final CallerIdentity PERSON =
      new CallerIdentity("IAMUser", "arn:aws:iam::123456789012:user/alice", "alice", null, null);

  static String reason(Trigger t) {
    return TriggerFilter.ignoreReason(t, ThumbprintRotator.NAME, ROLE);
  }

  @Test
  void someoneElsesUpdateIsVerified() {
    assertThat(reason(update(PERSON, "aws-cli/2.15", null))).isNull();
  }

  @Test
  void ourOwnUpdateIsIgnoredByUserAgentOrByRole() {
    CallerIdentity us =
        new CallerIdentity(
            "AssumedRole", "arn:aws:sts::123456789012:assumed-role/r/s", null, ROLE, null);

    assertThat(
            reason(
                update(
                    PERSON,
                    "aws-sdk-java/2.57.8 md/io#sync eks-steward/oidc-thumbprint-rotator",
                    null)))
        .isEqualTo("caused by this function itself");
    assertThat(reason(update(us, "aws-sdk-java/2.57.8", null)))
        .isEqualTo("caused by this function itself");
  }

  @Test
  void anotherStewardFunctionIsNotUs() {
    assertThat(reason(update(PERSON, "aws-sdk-java/2.57.8 eks-steward/tag-enforcer", null)))
        .isNull();
  }

  @Test
  void failedCallsAndOtherEventsAreIgnored() {
    assertThat(reason(update(PERSON, "aws-cli", "AccessDenied")))
        .isEqualTo("the call failed (AccessDenied)");
    CloudTrailCall other =
        new CloudTrailCall(
            "iam.amazonaws.com",
            "CreateRole",
            "id",
            Instant.EPOCH,
            "123456789012",
            "us-east-1",
            Map.of(),
            Map.of(),
            PERSON,
            "aws-cli",
            null);
    assertThat(reason(other))
        .isEqualTo("not a trigger of this function: iam.amazonaws.com CreateRole");
    assertThat(reason(new Trigger.WakeRequest("c", java.util.List.of(), null, null, null)))
        .isEqualTo("not a trigger of this function: wake");
  }

  @Test
  void aProviderEventWithoutAnArnIsIgnored() {
    CloudTrailCall create =
        new CloudTrailCall(
            "iam.amazonaws.com",
            "CreateOpenIDConnectProvider",
            "id",
            Instant.EPOCH,
            "123456789012",
            "us-east-1",
            Map.of("url", "https://x"),
            Map.of(),
            PERSON,
            "aws-cli",
            null);
    assertThat(reason(create)).isEqualTo("the event names no OIDC provider");
  }
}
