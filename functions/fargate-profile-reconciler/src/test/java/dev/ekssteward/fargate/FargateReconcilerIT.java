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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;

/** The production graph against moto: SSM change events drive EKS, end to end. */
class FargateReconcilerIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String TWO_PROFILES =
      "{\"prune\":false,\"profiles\":["
          + "{\"name\":\"team-a\",\"podExecutionRoleArn\":\""
          + ROLE
          + "\","
          + "\"subnets\":[\"subnet-0def5678\",\"subnet-0abc1234\"],"
          + "\"selectors\":[{\"namespace\":\"team-a\",\"labels\":{\"lifecycle\":\"fargate\"}}],"
          + "\"tags\":{\"team\":\"payments\"}},"
          + "{\"name\":\"batch\",\"podExecutionRoleArn\":\""
          + ROLE
          + "\","
          + "\"subnets\":[\"subnet-0abc1234\"],"
          + "\"selectors\":[{\"namespace\":\"batch-*\",\"labels\":{\"job\":\"nightly-?\"}}]}]}";

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  FargateProfileReconcilerHandler handler(boolean dryRun) {
    return FargateFixture.handler(aws, dryRun, Clock.systemUTC(), List.of(recorder));
  }

  Map<String, Object> run(Map<String, Object> event) {
    return handler(false).handle(event, new TestContext("fn"));
  }

  @BeforeEach
  void cluster() {
    aws.seeder().seed(fleet().cluster(ClusterSeed.cluster("dev-1")));
  }

  FargateProfile profile(String name) {
    return aws.eks()
        .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName(name))
        .fargateProfile();
  }

  List<String> profileNames() {
    return aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames();
  }

  @Test
  void aParameterChangeCreatesTheDesiredProfiles() {
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);

    Map<String, Object> report = run(EventFiles.load("fargate-parameter-change.json"));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(recorder.mutations())
        .containsExactly(
            "eks:CreateFargateProfile",
            "kms:GenerateMac",
            "eks:TagResource",
            "eks:CreateFargateProfile",
            "kms:GenerateMac",
            "eks:TagResource");
    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "batch");
    FargateProfile a = profile("team-a");
    assertThat(a.podExecutionRoleArn()).isEqualTo(ROLE);
    assertThat(a.subnets()).containsExactlyInAnyOrder("subnet-0abc1234", "subnet-0def5678");
    assertThat(a.selectors())
        .containsExactly(
            FargateProfileSelector.builder()
                .namespace("team-a")
                .labels(Map.of("lifecycle", "fargate"))
                .build());
    assertThat(a.tags()).containsEntry("team", "payments").hasSize(2);
    assertThat(a.tags().get(Contract.MANAGED_TAG)).matches("true mac=v1\\.[A-Za-z0-9_-]{43}");
    assertThat(profile("batch").selectors().get(0).labels()).isEqualTo(Map.of("job", "nightly-?"));
  }

  @Test
  void runningAgainChangesNothing() {
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);
    run(EventFiles.load("fargate-parameter-change.json"));
    recorder.clear();

    Map<String, Object> again = run(EventFiles.load("schedule-tick.json"));

    assertThat(recorder.mutations()).isEmpty();
    assertThat(again.get("applied")).isEqualTo(List.of());
    assertThat(again.get("planned")).isEqualTo(List.of());
    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "batch");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anInvalidDocumentChangesNothingAndReportsThePath() {
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);
    run(EventFiles.load("fargate-parameter-change.json"));
    recorder.clear();
    DesiredDocs.put(
        aws,
        "dev-1",
        TWO_PROFILES
            .replace("\"batch\"", "\"eks-batch\"")
            .replace("\"prune\":false", "\"prune\":true"));

    Map<String, Object> report = run(EventFiles.load("fargate-parameter-change.json"));

    assertThat(recorder.mutations()).isEmpty();
    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "batch");
    List<Map<String, Object>> findings = (List<Map<String, Object>>) report.get("findings");
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("detailType")).isEqualTo("Fargate Desired State Invalid");
              assertThat(f.get("parameter")).isEqualTo("/eks-steward/fargate/dev-1");
              assertThat(f.get("errors"))
                  .isEqualTo(
                      List.of(
                          Map.of(
                              "path",
                              "$.profiles[1].name",
                              "reason",
                              "must not start with 'eks-' (reserved by EKS)")));
            });
  }

  @Test
  void aClusterWithoutDesiredStateIsLeftAlone() {
    aws.seeder().seed(fleet().cluster(ClusterSeed.cluster("dev-2")));
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);

    Map<String, Object> report = run(EventFiles.load("schedule-tick.json"));

    assertThat(recorder.mutations())
        .containsExactly(
            "eks:CreateFargateProfile",
            "kms:GenerateMac",
            "eks:TagResource",
            "eks:CreateFargateProfile",
            "kms:GenerateMac",
            "eks:TagResource");
    // dev-1: three passes (create, create, converged); dev-2 is not even listed.
    assertThat(recorder.calls().stream().filter("eks:ListFargateProfiles"::equals)).hasSize(3);
    assertThat(report.get("planned").toString())
        .contains(
            "scope=123456789012/eu-west-1/dev-2",
            "reason=no desired state at /eks-steward/fargate/dev-2");
    assertThat(aws.eks().listFargateProfiles(r -> r.clusterName("dev-2")).fargateProfileNames())
        .isEmpty();
  }

  @Test
  void dryRunPlansAndChangesNothing() {
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);

    Map<String, Object> report =
        handler(true)
            .handle(EventFiles.load("fargate-parameter-change.json"), new TestContext("fn"));

    assertThat(report.get("dryRun")).isEqualTo(true);
    assertThat(report.get("planned").toString())
        .contains("type=CreateProfile, target=dev-1/team-a")
        .contains("type=Skip, target=dev-1/batch, reason=CreateProfile queued");
    assertThat(recorder.mutations()).isEmpty();
    assertThat(profileNames()).isEmpty();
  }

  @Test
  void someoneElsesDeleteIsRepaired() {
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);
    run(EventFiles.load("fargate-parameter-change.json"));
    aws.eks().deleteFargateProfile(r -> r.clusterName("dev-1").fargateProfileName("team-a"));
    recorder.clear();

    Map<String, Object> report = run(EventFiles.load("fargate-delete-profile.json"));

    assertThat(report.get("trigger"))
        .isEqualTo(
            Map.of(
                "kind",
                "cloudtrail:DeleteFargateProfile",
                "eventName",
                "DeleteFargateProfile",
                "eventSource",
                "eks.amazonaws.com"));
    assertThat(recorder.mutations())
        .containsExactly("eks:CreateFargateProfile", "kms:GenerateMac", "eks:TagResource");
    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "batch");
  }

  @Test
  void aTagOnlyChangeIsAppliedInPlace() {
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES);
    run(EventFiles.load("fargate-parameter-change.json"));
    // Needs local/moto/patches.py: moto 5.2 tags clusters only.
    recorder.clear();
    DesiredDocs.put(
        aws, "dev-1", TWO_PROFILES.replace("\"team\":\"payments\"", "\"team\":\"search\""));

    run(EventFiles.load("fargate-parameter-change.json"));

    assertThat(recorder.mutations()).containsExactly("eks:TagResource");
    assertThat(profile("team-a").tags()).containsEntry("team", "search");
    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "batch");
  }

  @Test
  @SuppressWarnings("unchecked")
  void pruneDeletesOnlyManagedProfilesAndReportsAllDrift() {
    aws.seeder()
        .seed(
            fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .fargateProfile(
                            ProfileSeed.profile("legacy")
                                .selector("legacy")
                                .subnets(List.of())
                                .subnets(List.of()))
                        .fargateProfile(
                            ProfileSeed.profile("handmade")
                                .selector("handmade")
                                .subnets(List.of()))));
    // legacy was made by the steward: its mark is signed for its ARN by the stack's key.
    String legacyArn = profile("legacy").fargateProfileArn();
    aws.eks()
        .tagResource(
            r ->
                r.resourceArn(legacyArn)
                    .tags(
                        Map.of(
                            Contract.MANAGED_TAG,
                            RecordKeys.seal(aws, Contract.MANAGED_TAG, legacyArn, "true"))));
    DesiredDocs.put(aws, "dev-1", TWO_PROFILES.replace("\"prune\":false", "\"prune\":true"));

    Map<String, Object> report = run(EventFiles.load("fargate-parameter-change.json"));

    assertThat(profileNames()).containsExactlyInAnyOrder("team-a", "batch", "handmade");
    // Missing profiles first (pods need them), pruning last.
    assertThat(recorder.mutations())
        .containsExactly(
            "eks:CreateFargateProfile",
            "kms:GenerateMac",
            "eks:TagResource",
            "eks:CreateFargateProfile",
            "kms:GenerateMac",
            "eks:TagResource",
            "eks:DeleteFargateProfile");
    assertThat((List<Map<String, Object>>) report.get("findings"))
        .extracting(f -> f.get("detailType") + " " + f.get("profile") + ": " + f.get("resolution"))
        .containsExactlyInAnyOrder(
            "Drift Detected legacy: to be deleted (prune is on and it carries a signed"
                + " eks-steward/managed mark)",
            "Drift Detected handmade: kept (no eks-steward/managed=true tag)");
  }
}
