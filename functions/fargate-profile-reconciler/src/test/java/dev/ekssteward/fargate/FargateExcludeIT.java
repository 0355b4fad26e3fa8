package dev.ekssteward.fargate;

import static dev.ekssteward.fargate.DesiredDocs.ROLE;
import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.ProfileSeed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cluster tagged {@code eks-steward/exclude=true} gets no Create, Delete, Tag or Untag call,
 * whatever the trigger, although its desired state would change all four; the report says why.
 */
class FargateExcludeIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Map<String, String> EXCLUDED = Map.of(Contract.EXCLUDE_TAG, "true");
  static final String REASON =
      "cluster is tagged eks-steward/exclude=true; "
          + "its desired state at /eks-steward/fargate/dev-1 is not applied";

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  Map<String, Object> run(Map<String, Object> event) {
    return FargateFixture.handler(aws, false, Clock.systemUTC(), List.of(recorder))
        .handle(event, new TestContext("fn"));
  }

  /**
   * team-a has the desired spec but other tags (Tag team, Untag stray), legacy is managed and not
   * desired (Delete, with prune), batch is missing (Create).
   */
  void seed(Map<String, String> clusterTags) {
    aws.seeder()
        .seed(
            fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .tags(clusterTags)
                        .fargateProfile(
                            ProfileSeed.profile("team-a")
                                .selector("team-a", Map.of("lifecycle", "fargate"))
                                .subnets(List.of("subnet-0abc1234", "subnet-0def5678"))
                                .podExecutionRole(ROLE)
                                .tags(
                                    Map.of(
                                        Contract.MANAGED_TAG,
                                        "true",
                                        "team",
                                        "search",
                                        "stray",
                                        "x")))
                        .fargateProfile(
                            ProfileSeed.profile("legacy")
                                .selector("legacy")
                                .subnets(List.of())
                                .tags(Map.of(Contract.MANAGED_TAG, "true"))))
                .desiredFargate(
                    "dev-1",
                    FargateReconcilerIT.TWO_PROFILES.replace("\"prune\":false", "\"prune\":true")));
    // legacy was made by the steward: its managed mark is signed for its ARN.
    String arn =
        aws.eks()
            .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName("legacy"))
            .fargateProfile()
            .fargateProfileArn();
    String mark = RecordKeys.seal(aws, Contract.MANAGED_TAG, arn, "true");
    aws.eks().tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.MANAGED_TAG, mark)));
  }

  List<String> profileNames() {
    return aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "fargate-parameter-change.json",
        "schedule-tick.json",
        "fargate-delete-profile.json",
        "fargate-create-profile.json"
      })
  void anExcludedClusterGetsNoMutationFromAnyTrigger(String event) {
    seed(EXCLUDED);

    Map<String, Object> report = run(EventFiles.load(event));

    assertThat(recorder.mutations()).isEmpty();
    // The tags came from the profile's cluster ARN, not from DescribeCluster.
    assertThat(recorder.calls()).contains("eks:ListTagsForResource");
    assertThat(recorder.calls()).doesNotContain("eks:DescribeCluster");
    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(report.get("planned"))
        .isEqualTo(
            List.of(
                Map.of(
                    "type", "Skip",
                    "target", "dev-1",
                    "reason", REASON,
                    "scope", "123456789012/eu-west-1/dev-1")));
    assertThat(report.get("findings")).isEqualTo(List.of());
    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "legacy");
    assertThat(
            aws.eks()
                .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName("team-a"))
                .fargateProfile()
                .tags())
        .containsEntry("team", "search")
        .containsEntry("stray", "x");
  }

  @Test
  void withoutTheTagTheSameDesiredStateChangesAllFour() {
    seed(Map.of(Contract.EXCLUDE_TAG, "false"));

    run(EventFiles.load("fargate-parameter-change.json"));

    assertThat(recorder.mutations())
        .contains(
            "eks:CreateFargateProfile",
            "eks:DeleteFargateProfile",
            "eks:TagResource",
            "eks:UntagResource");
  }

  @Test
  void anExcludedClusterWithoutProfilesIsReadWithDescribeClusterAndGetsNoCreate() {
    aws.seeder()
        .seed(
            fleet()
                .cluster(ClusterSeed.cluster("dev-1").tags(Map.of(Contract.EXCLUDE_TAG, "TRUE")))
                .desiredFargate("dev-1", FargateReconcilerIT.TWO_PROFILES));

    Map<String, Object> report = run(EventFiles.load("fargate-parameter-change.json"));

    assertThat(recorder.mutations()).isEmpty();
    assertThat(recorder.calls()).contains("eks:DescribeCluster");
    assertThat(report.get("planned").toString()).contains(REASON);
    assertThat(profileNames()).isEmpty();
  }
}
