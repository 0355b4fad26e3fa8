package dev.ekssteward.fargate;

import static dev.ekssteward.fargate.DesiredDocs.ROLE;
import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;

/**
 * Real EKS lifecycle states against moto: a hand-made profile still CREATING when its CloudTrail
 * event arrives is judged once ACTIVE, and a profile someone starts between our look and our create
 * makes EKS answer 409, which is deferred to the next pass, not failed.
 */
class LifecycleStatesIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  @BeforeEach
  void cluster() {
    aws.seeder().seed(fleet().cluster(ClusterSeed.cluster("dev-1")));
  }

  Map<String, Object> run(Map<String, Object> event, ExecutionInterceptor... more) {
    List<ExecutionInterceptor> with = new java.util.ArrayList<>(List.of(recorder));
    with.addAll(List.of(more));
    return FargateFixture.handler(aws, false, Clock.systemUTC(), with)
        .handle(event, new TestContext("fn"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void aProfileStillCreatingWhenItsEventArrivesIsJudgedOnceActive() {
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, "{}", "{}"));
    run(DesiredDocs.parameterChange("dev-1"));
    aws.settle();
    recorder.clear();
    // Someone creates "hotfix" by hand; CloudTrail's event arrives while it is CREATING.
    aws.eks()
        .createFargateProfile(
            r ->
                r.clusterName("dev-1")
                    .fargateProfileName("hotfix")
                    .podExecutionRoleArn(ROLE)
                    .subnets("subnet-0abc1234", "subnet-0def5678")
                    .selectors(s -> s.namespace("hotfix")));

    Map<String, Object> report = run(EventFiles.load("fargate-create-profile.json"));

    assertThat(recorder.mutations()).isEmpty();
    assertThat((List<Map<String, Object>>) report.get("findings"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.get("detailType")).isEqualTo("Drift Detected");
              assertThat(f.get("profile")).isEqualTo("hotfix");
              assertThat(f.get("status")).isEqualTo("ACTIVE");
              assertThat(f.get("resolution")).isEqualTo("kept (prune is off)");
            });
    assertThat(report.get("pending")).isEqualTo(List.of());
  }

  @Test
  @SuppressWarnings("unchecked")
  void aProfileSomeoneStartsBetweenOurLookAndOurCreateDefersOursToTheNextPass() {
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, "{}", "{}"));

    Map<String, Object> report =
        run(DesiredDocs.parameterChange("dev-1"), new OpsProfileBeforeFirstCreate());

    List<Map<String, Object>> applied = (List<Map<String, Object>>) report.get("applied");
    // The second pass creates team-a, then signs its managed mark once it exists.
    assertThat(applied)
        .extracting(a -> a.get("result"))
        .containsExactly("deferred", "applied", "applied");
    assertThat(applied)
        .extracting(a -> a.get("type"))
        .containsExactly("CreateProfile", "CreateProfile", "MarkManaged");
    assertThat((String) applied.get(0).get("message"))
        .startsWith("busy (409): Cannot create Fargate Profile team-a because cluster dev-1")
        .contains("Fargate profile ops in status CREATING");
    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(report.get("errors")).isEqualTo(List.of());
    aws.settle();
    assertThat(aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
        .containsExactlyInAnyOrder("team-a", "ops");
    assertThat(
            aws.eks()
                .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName("team-a"))
                .fargateProfile()
                .statusAsString())
        .isEqualTo("ACTIVE");
  }

  /** Someone else's CreateFargateProfile, just before the function's first create. */
  private static final class OpsProfileBeforeFirstCreate implements ExecutionInterceptor {
    private boolean done;

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!done && context.request() instanceof CreateFargateProfileRequest) {
        done = true;
        aws.eks()
            .createFargateProfile(
                r ->
                    r.clusterName("dev-1")
                        .fargateProfileName("ops")
                        .podExecutionRoleArn(ROLE)
                        .selectors(s -> s.namespace("ops")));
      }
    }
  }
}
