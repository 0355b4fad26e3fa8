package dev.ekssteward.fargate;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.ProfileSeed;
import dev.ekssteward.shared.trust.Trust;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.model.DeleteFargateProfileRequest;

/**
 * Someone who may only tag a Fargate profile cannot make prune delete it: the managed mark is
 * signed by the stack's record key (moto's KMS) for the profile's ARN.
 */
class ManagedMarkIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String SIGNED = "true mac=v1\\.[A-Za-z0-9_-]{43}";
  static final String TEAM_A =
      DesiredDocs.teamA(DesiredDocs.ROLE, "{\"lifecycle\":\"fargate\"}", "{\"team\":\"payments\"}");

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  @BeforeEach
  void cluster() {
    aws.seeder().seed(fleet().cluster(ClusterSeed.cluster("dev-1")));
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> run() {
    recorder.clear();
    return FargateFixture.handler(aws, false, Clock.systemUTC(), List.of(recorder))
        .handle(DesiredDocs.parameterChange("dev-1"), new TestContext("fn"));
  }

  Map<String, String> tags(String name) {
    return aws.eks()
        .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName(name))
        .fargateProfile()
        .tags();
  }

  List<String> names() {
    return aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aProfileTaggedManagedByHandIsNotPrunedAndIsReported() {
    aws.seeder()
        .seed(
            fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .fargateProfile(
                            ProfileSeed.profile("victim")
                                .selector("victim")
                                .subnets(List.of())
                                .tags(Map.of(Contract.MANAGED_TAG, "true")))));
    DesiredDocs.put(aws, "dev-1", TEAM_A.replace("\"prune\":false", "\"prune\":true"));

    Map<String, Object> report = run();

    assertThat(names()).containsExactlyInAnyOrder("team-a", "victim");
    assertThat(recorder.mutations()).doesNotContain("eks:DeleteFargateProfile");
    assertThat((List<Map<String, Object>>) report.get("findings"))
        .filteredOn(f -> Trust.NOT_TRUSTED.equals(f.get("detailType")))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("profile")).isEqualTo("victim");
              assertThat(f.get("reason").toString()).startsWith("unsigned");
            });
    // The profile it created carries a mark signed for its own ARN.
    assertThat(tags("team-a").get(Contract.MANAGED_TAG)).matches(SIGNED);
  }

  @Test
  void aProfileTheStewardMarkedIsPrunedOnceTheDesiredStateDropsIt() {
    DesiredDocs.put(aws, "dev-1", TEAM_A);
    run();
    assertThat(tags("team-a").get(Contract.MANAGED_TAG)).matches(SIGNED);
    assertThat(recorder.calls()).contains("kms:GenerateMac");

    DesiredDocs.put(
        aws,
        "dev-1",
        DesiredDocs.teamA(DesiredDocs.ROLE, "{}", "{\"team\":\"payments\"}")
            .replace("\"prune\":false", "\"prune\":true")
            .replace("\"name\":\"team-a\"", "\"name\":\"team-b\"")
            .replace("\"namespace\":\"team-a\"", "\"namespace\":\"team-b\""));
    run();

    assertThat(names()).containsExactly("team-b");
    assertThat(recorder.calls()).contains("kms:VerifyMac");
  }

  @Test
  void aMarkCopiedFromAnotherProfileDoesNotVerify() {
    DesiredDocs.put(aws, "dev-1", TEAM_A);
    run();
    String mark = tags("team-a").get(Contract.MANAGED_TAG);
    aws.seeder()
        .seed(
            fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .fargateProfile(
                            ProfileSeed.profile("victim")
                                .selector("victim")
                                .subnets(List.of())
                                .tags(Map.of(Contract.MANAGED_TAG, mark)))));
    DesiredDocs.put(aws, "dev-1", TEAM_A.replace("\"prune\":false", "\"prune\":true"));

    run();

    assertThat(names()).containsExactlyInAnyOrder("team-a", "victim");
    assertThat(recorder.calls()).contains("kms:VerifyMac");
  }

  @Test
  void anEarlierVersionsMarkOnAProfileOfTheDesiredStateIsResigned() {
    DesiredDocs.put(aws, "dev-1", TEAM_A);
    run();
    String arn =
        aws.eks()
            .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName("team-a"))
            .fargateProfile()
            .fargateProfileArn();
    aws.eks().tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.MANAGED_TAG, "true")));

    run();

    assertThat(tags("team-a").get(Contract.MANAGED_TAG)).matches(SIGNED);
    assertThat(recorder.mutations()).containsExactly("kms:GenerateMac", "eks:TagResource");
  }

  /**
   * IAM lets the reconciler delete only profiles that carry the managed mark (template:
   * DeleteManagedProfiles; moto does not evaluate IAM): a profile made by hand under a desired name
   * with another spec is marked before its replacement deletes it.
   */
  @Test
  void aReplacedProfileMadeByHandCarriesTheMarkWhenItIsDeleted() {
    aws.seeder()
        .seed(
            fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .fargateProfile(
                            ProfileSeed.profile("team-a")
                                .selector("team-a")
                                .subnets(List.of())
                                .tags(Map.of("team", "payments")))));
    List<Map<String, String>> tagsWhenDeleted = new ArrayList<>();
    ExecutionInterceptor beforeDelete =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(Context.BeforeExecution c, ExecutionAttributes a) {
            if (c.request() instanceof DeleteFargateProfileRequest d) {
              tagsWhenDeleted.add(tags(d.fargateProfileName()));
            }
          }
        };
    DesiredDocs.put(aws, "dev-1", TEAM_A);

    recorder.clear();
    FargateFixture.handler(aws, false, Clock.systemUTC(), List.of(recorder, beforeDelete))
        .handle(DesiredDocs.parameterChange("dev-1"), new TestContext("fn"));

    assertThat(names()).singleElement().asString().startsWith("team-a-");
    assertThat(tagsWhenDeleted)
        .singleElement()
        .satisfies(t -> assertThat(t.get(Contract.MANAGED_TAG)).matches(SIGNED));
  }
}
