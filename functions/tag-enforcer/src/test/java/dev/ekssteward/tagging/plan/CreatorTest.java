package dev.ekssteward.tagging.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.CallerIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  static CallerIdentity session(String role, String session) {
    return new CallerIdentity(
        "AssumedRole",
        "arn:aws:sts::1:assumed-role/" + role + "/" + session,
        null,
        "arn:aws:iam::1:role/" + role,
        null);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "botocore-session-1732523460",
        "aws-go-sdk-1732523460123456789",
        "aws-sdk-java-1732523460123",
        "aws-sdk-js-1732523460123",
        "GitHubActions",
        "AWSCDK.EKSCluster.Create.5f0c6d2e-8a4b-4c3d-9e1f-2a3b4c5d6e7f",
        "i-0784406a8a14355fe",
        "i-0784406a",
        "1732523460123456789",
        "5f0c6d2e-8a4b-4c3d-9e1f-2a3b4c5d6e7f"
      })
  void aSessionNameAToolMadeUpGivesTheRole(String generated) {
    assertThat(Creator.of(session("ci-deployer", generated))).isEqualTo("ci-deployer");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"jane.doe@example.com", "gitlab-ci-4711", "terraform-prod-apply", "i-am-jane"})
  void aSessionNameSomeoneChoseIsKept(String chosen) {
    assertThat(Creator.of(session("ci-deployer", chosen))).isEqualTo(chosen);
  }

  @Test
  void cloudFormationForACallerWithoutANameGivesTheStack() {
    CallerIdentity root =
        new CallerIdentity(
            "Root",
            "arn:aws:iam::1:root",
            null,
            null,
            Creator.CLOUDFORMATION,
            "eksctl-dev-1-cluster");

    assertThat(Creator.of(root)).isEqualTo("cloudformation/eksctl-dev-1-cluster");
  }

  @Test
  void cloudFormationsServiceRoleWithoutAStackGivesTheRoleAndWithOneTheStack() {
    CallerIdentity serviceRole =
        new CallerIdentity(
            "AssumedRole",
            "arn:aws:sts::1:assumed-role/cfn-deployer/AWSCloudFormation",
            null,
            "arn:aws:iam::1:role/cfn-deployer",
            Creator.CLOUDFORMATION);

    assertThat(Creator.of(serviceRole)).isEqualTo("cfn-deployer");
    assertThat(
            Creator.of(
                new CallerIdentity(
                    serviceRole.type(),
                    serviceRole.arn(),
                    null,
                    serviceRole.sessionIssuerArn(),
                    serviceRole.invokedBy(),
                    "platform-eks")))
        .isEqualTo("cloudformation/platform-eks");
  }

  @Test
  void otherServicesActingOnTheirOwnAreNoCreatorsButTheConsoleIsThePerson() {
    CallerIdentity alice =
        new CallerIdentity("IAMUser", "arn:aws:iam::1:user/alice", "alice", null, "AWS Internal");
    assertThat(Creator.of(alice)).isNull();
    assertThat(
            Creator.of(
                new CallerIdentity(
                    "IAMUser", "arn:aws:iam::1:user/alice", "alice", null, Creator.CONSOLE)))
        .isEqualTo("alice");
  }

  @Test
  void aFederatedUserIsNamedByItsArnAndAnIamUserWithoutUserNameToo() {
    assertThat(
            Creator.of(
                new CallerIdentity(
                    "FederatedUser",
                    "arn:aws:sts::1:federated-user/maria",
                    null,
                    "arn:aws:iam::1:user/broker",
                    null)))
        .isEqualTo("maria");
    assertThat(
            Creator.of(
                new CallerIdentity(
                    "IAMUser", "arn:aws:iam::1:user/platform/bob", null, null, null)))
        .isEqualTo("bob");
  }

  @Test
  void aValueIsClippedToTheTagValueLimit() {
    String value = Creator.of(session("r", "a".repeat(64)));
    assertThat(value).hasSize(64);
    assertThat(Creator.legal("x".repeat(300))).hasSize(256);
  }
}
