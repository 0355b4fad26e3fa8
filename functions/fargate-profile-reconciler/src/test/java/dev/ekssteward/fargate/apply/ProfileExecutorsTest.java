package dev.ekssteward.fargate.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.FakeEks;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteReason;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.fargate.plan.ProfileAction.UntagProfile;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EKS's answers (the in-memory EKS) → results, with the audit events of what changed. */
class ProfileExecutorsTest {
  static final Target HOME = Target.home("eu-west-1");
  static final ProfileSpec SPEC =
      new ProfileSpec(
          "arn:aws:iam::123456789012:role/p", Set.of(), Set.of(new Selector("a", Map.of())));
  static final ProfileSpec OTHER =
      new ProfileSpec(
          "arn:aws:iam::123456789012:role/p", Set.of(), Set.of(new Selector("b", Map.of())));

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  final FakeEks eks = new FakeEks(clock);
  final CreateProfileExecutor create = new CreateProfileExecutor(eks);
  final DeleteProfileExecutor delete = new DeleteProfileExecutor(eks);
  final TagProfileExecutor tag = new TagProfileExecutor(eks);
  final UntagProfileExecutor untag = new UntagProfileExecutor(eks);

  ProfileExecutorsTest() {
    eks.addCluster("dev-1");
  }

  static CreateProfile creating(String name, ProfileSpec spec, String replaces) {
    return new CreateProfile(
        "dev-1", name, "a", spec, Map.of("eks-steward/managed", "true"), replaces);
  }

  static AuditEvent event(Result r) {
    assertThat(r).isInstanceOf(Result.Done.class);
    return ((Result.Done) r).events().get(0);
  }

  @Test
  void aCreateIsAuditedWithTheNewArn() {
    Result r = create.execute(HOME, creating("a", SPEC, null));

    AuditEvent e = event(r);
    assertThat(((Result.Done) r).events()).hasSize(1);
    assertThat(e.detailType()).isEqualTo("Fargate Profile Created");
    assertThat(e.resources())
        .singleElement()
        .asString()
        .startsWith("arn:aws:eks:eu-west-1:123456789012:fargateprofile/dev-1/a/");
    assertThat(e.detail())
        .isEqualTo(creating("a", SPEC, null).details())
        .containsEntry("profile", "a")
        .containsEntry("cluster", "dev-1");
  }

  @Test
  void aBusyClusterIsBusyAndNothingIsAudited() {
    create.execute(HOME, creating("a", SPEC, null));

    assertThat(create.execute(HOME, creating("b", OTHER, null)))
        .isEqualTo(new Result.Busy("Fargate profile a is in transition"));
    assertThat(eks.conflicts()).isEqualTo(1);
  }

  @Test
  void refusalsAndAMissingClusterAreAnsweredAsSuch() {
    assertThat(create.execute(HOME, creating("eks-a", SPEC, null)))
        .isEqualTo(new Result.Refused("InvalidParameterException: rejected eks-a"));
    eks.removeCluster("dev-1");
    assertThat(create.execute(HOME, creating("a", SPEC, null)))
        .isEqualTo(new Result.NotFound("No cluster found for name: dev-1"));
  }

  @Test
  void aReplacedProfileIsAuditedAsReplacedAPrunedOneAsDeleted() {
    String arn = event(create.execute(HOME, creating("a", SPEC, null))).resources().get(0);
    clock.advance(Duration.ofMinutes(1));
    String old = event(create.execute(HOME, creating("old", OTHER, null))).resources().get(0);
    clock.advance(Duration.ofMinutes(1));

    AuditEvent replaced =
        event(
            delete.execute(
                HOME, new DeleteProfile("dev-1", "a", arn, DeleteReason.REPLACED, "a-12345678")));
    clock.advance(Duration.ofMinutes(1));
    AuditEvent pruned =
        event(
            delete.execute(
                HOME, new DeleteProfile("dev-1", "old", old, DeleteReason.PRUNED, null)));

    assertThat(replaced.detailType()).isEqualTo("Fargate Profile Replaced");
    assertThat(replaced.resources()).containsExactly(arn);
    assertThat(replaced.detail())
        .containsEntry("profile", "a")
        .containsEntry("reason", "replaced")
        .containsEntry("replacedBy", "a-12345678");
    assertThat(pruned.detailType()).isEqualTo("Fargate Profile Deleted");
    assertThat(pruned.detail()).containsEntry("reason", "pruned");
  }

  @Test
  void deletingAProfileThatIsGoneIsNotFound() {
    assertThat(
            delete.execute(
                HOME, new DeleteProfile("dev-1", "x", "arn:x", DeleteReason.PRUNED, null)))
        .isEqualTo(new Result.NotFound("No Fargate Profile found with name: x"));
  }

  @Test
  void tagChangesAreAuditedAndMadeInPlace() {
    String arn = event(create.execute(HOME, creating("a", SPEC, null))).resources().get(0);

    AuditEvent tagged =
        event(tag.execute(HOME, new TagProfile("dev-1", "a", arn, Map.of("team", "x"))));
    AuditEvent untagged =
        event(untag.execute(HOME, new UntagProfile("dev-1", "a", arn, Set.of("team"))));

    assertThat(tagged.detailType()).isEqualTo("Fargate Profile Tags Updated");
    assertThat(tagged.resources()).containsExactly(arn);
    assertThat(tagged.detail()).containsEntry("tags", Map.of("team", "x"));
    assertThat(untagged.detailType()).isEqualTo("Fargate Profile Tags Updated");
    assertThat(untagged.detail()).containsEntry("tagKeys", List.of("team"));
    assertThat(eks.profiles(HOME, "dev-1").get(0).tags())
        .isEqualTo(Map.of("eks-steward/managed", "true"));
    assertThat(
            tag.execute(
                HOME, new TagProfile("dev-1", "z", arn.replace("/a/", "/z/"), Map.of("k", "v"))))
        .isEqualTo(new Result.NotFound("Resource was not found"));
  }

  @Test
  void eachExecutorDeclaresTheGrantsOfItsCalls() {
    String fargateSlr =
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
            + "eks-fargate.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate";
    String profiles = "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:fargateprofile/*";
    String noStewardKeys = "ForAllValues:StringNotLike(aws:TagKeys=eks-steward/*)";
    assertThat(create.permissions())
        .containsExactly(
            new Permission(
                "eks:CreateFargateProfile",
                "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:cluster/*",
                noStewardKeys),
            new Permission(
                "iam:PassRole",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:role${FargatePodRolePath}*",
                "StringEquals(iam:PassedToService=eks-fargate-pods.amazonaws.com,eks.amazonaws.com)"),
            // EKS checks (and in a new account creates) Fargate's service-linked role with the
            // caller's rights.
            new Permission("iam:GetRole", fargateSlr),
            new Permission(
                "iam:CreateServiceLinkedRole",
                fargateSlr,
                "StringEquals(iam:AWSServiceName=eks-fargate.amazonaws.com)"));
    assertThat(delete.permissions())
        .containsExactly(
            new Permission(
                "eks:DeleteFargateProfile",
                profiles,
                "Null(aws:ResourceTag/eks-steward/managed=false)"),
            // A retried delete reads the profile back (lost answers, docs/reliability.md).
            new Permission("eks:DescribeFargateProfile", profiles));
    assertThat(tag.permissions())
        .containsExactly(new Permission("eks:TagResource", profiles, noStewardKeys));
    assertThat(untag.permissions())
        .containsExactly(new Permission("eks:UntagResource", profiles, noStewardKeys));
  }
}
