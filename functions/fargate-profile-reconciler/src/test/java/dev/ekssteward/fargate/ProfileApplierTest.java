package dev.ekssteward.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.FakeEks;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteReason;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Outcome.Status;
import dev.ekssteward.shared.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** EKS answers → outcomes and audit events. */
class ProfileApplierTest {
  static final Target HOME = Target.home("eu-west-1");
  static final ProfileSpec SPEC =
      new ProfileSpec(
          "arn:aws:iam::123456789012:role/p", Set.of(), Set.of(new Selector("a", Map.of())));
  static final ProfileSpec OTHER =
      new ProfileSpec(
          "arn:aws:iam::123456789012:role/p", Set.of(), Set.of(new Selector("b", Map.of())));

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  final FakeEks eks = new FakeEks(clock);
  final ProfileApplier applier = new ProfileApplier(eks);

  ProfileApplierTest() {
    eks.addCluster("dev-1");
  }

  CreateProfile create(String name, ProfileSpec spec, String replaces) {
    return new CreateProfile(
        "dev-1", name, "a", spec, Map.of("eks-steward/managed", "true"), replaces);
  }

  @Test
  void createIsAuditedWithTheNewArn() {
    Outcome o = applier.apply(HOME, create("a", SPEC, null));

    assertThat(o.status()).isEqualTo(Status.APPLIED);
    AuditEvent e = o.events().get(0);
    assertThat(e.detailType()).isEqualTo("Fargate Profile Created");
    assertThat(e.resources())
        .singleElement()
        .asString()
        .startsWith("arn:aws:eks:eu-west-1:123456789012:fargateprofile/dev-1/a/");
    assertThat(e.detail()).containsEntry("profile", "a").containsEntry("cluster", "dev-1");
  }

  @Test
  void aBusyClusterIsANoopNotAFailure() {
    applier.apply(HOME, create("a", SPEC, null));

    Outcome o = applier.apply(HOME, create("b", OTHER, null));

    assertThat(o.status()).isEqualTo(Status.NOOP);
    assertThat(o.message()).startsWith("busy (409): ResourceInUseException");
    assertThat(o.events()).isEmpty();
  }

  @Test
  void deletingTheReplacedProfileIsAuditedAsReplacedAndPruneAsDeleted() {
    String arn = applier.apply(HOME, create("a", SPEC, null)).events().get(0).resources().get(0);
    clock.advance(Duration.ofMinutes(1));
    applier.apply(HOME, create("a-12345678", OTHER, "a"));
    clock.advance(Duration.ofMinutes(1));

    Outcome replaced =
        applier.apply(
            HOME, new DeleteProfile("dev-1", "a", arn, DeleteReason.REPLACED, "a-12345678"));
    Outcome gone =
        applier.apply(HOME, new DeleteProfile("dev-1", "x", "arn:x", DeleteReason.PRUNED, null));

    assertThat(replaced.events().get(0).detailType()).isEqualTo("Fargate Profile Replaced");
    assertThat(replaced.events().get(0).detail())
        .containsEntry("profile", "a")
        .containsEntry("replacedBy", "a-12345678");
    assertThat(gone.status()).isEqualTo(Status.NOOP);
    assertThat(gone.message()).isEqualTo("already gone");
  }

  @Test
  void rejectedCallsFailAndTagsAreAudited() {
    Outcome rejected = applier.apply(HOME, create("eks-a", SPEC, null));
    String arn = applier.apply(HOME, create("a", SPEC, null)).events().get(0).resources().get(0);
    Outcome tagged = applier.apply(HOME, new TagProfile("dev-1", "a", arn, Map.of("team", "x")));

    assertThat(rejected.status()).isEqualTo(Status.FAILED);
    assertThat(rejected.message()).startsWith("InvalidParameterException");
    assertThat(tagged.events().get(0).detailType()).isEqualTo("Fargate Profile Tags Updated");
    assertThat(eks.profiles(HOME, "dev-1").get(0).tags()).containsEntry("team", "x");
  }
}
