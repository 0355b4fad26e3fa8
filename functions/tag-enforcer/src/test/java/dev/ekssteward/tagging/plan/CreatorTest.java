package dev.ekssteward.tagging.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.CallerIdentity;
import org.junit.jupiter.api.Test;

/** Who counts as a resource's creator, from CloudTrail's userIdentity. */
class CreatorTest {

  @Test
  void iamUserIsNamedByUserName() {
    assertThat(
            Creator.of(
                new CallerIdentity(
                    "IAMUser", "arn:aws:iam::123456789012:user/alice", "alice", null, null)))
        .isEqualTo("alice");
  }

  @Test
  void assumedRoleIsNamedByRoleSession() {
    CallerIdentity jane =
        new CallerIdentity(
            "AssumedRole",
            "arn:aws:sts::123456789012:assumed-role/platform-deployer/jane.doe@example.com",
            null,
            "arn:aws:iam::123456789012:role/platform-deployer",
            null);

    assertThat(Creator.of(jane)).isEqualTo("jane.doe@example.com");
  }

  @Test
  void awsServicesAreNoCreators() {
    assertThat(Creator.of(new CallerIdentity("AWSService", null, null, null, "eks.amazonaws.com")))
        .isNull();
    CallerIdentity linkedRole =
        new CallerIdentity(
            "AssumedRole",
            "arn:aws:sts::123456789012:assumed-role/AWSServiceRoleForAmazonEKS/EKS",
            null,
            null,
            "eks.amazonaws.com");
    assertThat(Creator.of(linkedRole)).isNull();
  }

  @Test
  void rootAndUnknownCallersAreNoCreators() {
    assertThat(Creator.of(new CallerIdentity("Root", "arn:aws:iam::1:root", null, null, null)))
        .isNull();
    assertThat(Creator.of(null)).isNull();
  }

  @Test
  void charactersTagsForbidBecomeUnderscores() {
    CallerIdentity session =
        new CallerIdentity(
            "AssumedRole",
            "arn:aws:sts::1:assumed-role/r/a,b;c",
            null,
            "arn:aws:iam::1:role/r",
            null);

    assertThat(Creator.of(session)).isEqualTo("a_b_c");
  }
}
