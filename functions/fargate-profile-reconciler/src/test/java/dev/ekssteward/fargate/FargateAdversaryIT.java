package dev.ekssteward.fargate;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.plan.Findings;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The threat model's row "a principal with ssm:PutParameter on a desired state writes a prune whose
 * successor fails" (docs/security.md), against a cluster whose profile must move: without the fault
 * the same document replaces it, make-before-break.
 */
class FargateAdversaryIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  /** team-a's selector moves to team-a-v2, with prune on. */
  static final String MOVED =
      DesiredDocs.teamA(DesiredDocs.ROLE, "{\"lifecycle\":\"fargate\"}", "{\"team\":\"payments\"}")
          .replace("\"prune\":false", "\"prune\":true")
          .replace("\"name\":\"team-a\"", "\"name\":\"team-a-v2\"");

  @SuppressWarnings("unchecked")
  Map<String, Object> run(ExecutionInterceptor... faults) {
    recorder.clear();
    List<ExecutionInterceptor> with = new ArrayList<>(List.of(faults));
    with.add(recorder);
    return FargateFixture.handler(aws, false, Clock.systemUTC(), with)
        .handle(DesiredDocs.parameterChange("dev-1"), new TestContext("fn"));
  }

  List<String> names() {
    return aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aPruneWhoseSuccessorIsRefusedKeepsTheOldProfileAndSaysSo() {
    aws.seeder().seed(fleet().cluster(ClusterSeed.cluster("dev-1")));
    DesiredDocs.put(
        aws,
        "dev-1",
        DesiredDocs.teamA(
            DesiredDocs.ROLE, "{\"lifecycle\":\"fargate\"}", "{\"team\":\"payments\"}"));
    run();
    assertThat(names()).containsExactly("team-a");
    assertThat(MOVED).contains("team-a-v2").contains("\"prune\":true");
    DesiredDocs.put(aws, "dev-1", MOVED);
    FaultInjector refused = FaultInjector.always(Kind.ACCESS_DENIED, "eks:CreateFargateProfile");

    Map<String, Object> report = run(refused);

    assertThat(refused.faulted()).isNotEmpty();
    assertThat(names()).containsExactly("team-a");
    assertDeleteStopped(report, "prune stopped: its selector team-a{lifecycle=fargate} moves to");

    // The same document without the fault replaces the profile: the fleet did need the change.
    run();
    assertThat(names()).containsExactly("team-a-v2");
  }

  /** One profile per entry: name and namespace selectors (no labels), prune off. */
  static String profiles(String... nameAndNamespaces) {
    StringBuilder doc = new StringBuilder("{\"prune\":false,\"profiles\":[");
    for (int i = 0; i < nameAndNamespaces.length; i += 2) {
      String selectors =
          java.util.Arrays.stream(nameAndNamespaces[i + 1].split(","))
              .map(ns -> "{\"namespace\":\"" + ns + "\",\"labels\":{}}")
              .collect(java.util.stream.Collectors.joining(","));
      doc.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(nameAndNamespaces[i])
          .append("\",\"podExecutionRoleArn\":\"")
          .append(DesiredDocs.ROLE)
          .append("\",\"subnets\":")
          .append(DesiredDocs.SUBNETS)
          .append(",\"selectors\":[")
          .append(selectors)
          .append("],\"tags\":{}}");
    }
    return doc.append("]}").toString();
  }

  /**
   * x serves team-a and team-b; the next document keeps team-a on x and moves team-b to y, whose
   * create EKS refuses: x's replacement comes, x itself stays, so team-b's pods keep a profile.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aReplacementWhoseOtherSuccessorIsRefusedKeepsTheOldProfileAndSaysSo() {
    aws.seeder().seed(fleet().cluster(ClusterSeed.cluster("dev-1")));
    DesiredDocs.put(aws, "dev-1", profiles("x", "team-a,team-b"));
    run();
    assertThat(names()).containsExactly("x");
    DesiredDocs.put(aws, "dev-1", profiles("x", "team-a", "y", "team-b"));
    FaultInjector refused =
        FaultInjector.always(
            Kind.ACCESS_DENIED,
            c ->
                c.action().equals("eks:CreateFargateProfile")
                    && c.field("fargateProfileName").orElse("").equals("y"));

    Map<String, Object> report = run(refused);

    assertThat(refused.faulted()).isNotEmpty();
    assertThat(names()).hasSize(2).contains("x").anyMatch(n -> n.matches("x-[0-9a-f]{8}"));
    assertDeleteStopped(report, "delete stopped: its selector team-b{} moves to y, whose create");

    // Without the fault y comes, and only then does x go.
    run();
    assertThat(names()).hasSize(2).contains("y").noneMatch("x"::equals);
  }

  /** Nothing deleted, and one Prune Stopped whose reason starts with {@code reason}. */
  @SuppressWarnings("unchecked")
  private void assertDeleteStopped(Map<String, Object> report, String reason) {
    assertThat(recorder.mutations()).doesNotContain("eks:DeleteFargateProfile");
    assertThat((List<Map<String, Object>>) report.get("findings"))
        .filteredOn(f -> Findings.PRUNE_STOPPED.equals(f.get("detailType")))
        .singleElement()
        .satisfies(f -> assertThat(f.get("reason").toString()).startsWith(reason));
  }
}
