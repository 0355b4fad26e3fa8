package dev.ekssteward.tagging;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static dev.ekssteward.shared.testing.seed.NodegroupSeed.nodegroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.pipeline.TransientFailureException;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.Deliveries;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.FleetFixture;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Overlap;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.tagging.plan.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * The reliability harness on the tag enforcer: a create event then a sweep, crashed at every call;
 * every sample event twice and in reverse order; two sweeps at once; hostile events, config
 * documents and tag values.
 */
class TagEnforcerReliabilityIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Map<String, Object> TICK = EventFiles.load("schedule-tick.json");

  static Map<String, Object> run(Map<String, Object> event, List<ExecutionInterceptor> with) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    return TagFleet.run(aws.settings(false), clock, with, event);
  }

  /** dev-1 as just created (env=DEV); dev-2 with a bad env, a node group and its ASG, a profile. */
  static TagFleet fleet() {
    TagFleet seed = TagFleet.standard(aws);
    seed.seed(
        FleetSeed.fleet()
            .cluster(cluster("dev-1").tags(Map.of("env", "DEV")))
            .cluster(
                cluster("dev-2")
                    .tags(Map.of("team", "search", "env", "Prod"))
                    .nodegroup(
                        nodegroup("ng-a")
                            .tags(Map.of("team", "payments", "env", "dev"))
                            .autoScalingGroup(TagFleet.clusterTag("dev-2")))
                    .fargateProfile(TagFleet.profile("team-a", Map.of("team", "search"))))
            .cluster(cluster("sandbox-1")));
    return seed;
  }

  /** Every resource's tags, and the ASG's tags with their PropagateAtLaunch flag. */
  static Map<String, Object> state() {
    EksClient eks = aws.eks();
    Map<String, Object> out = new TreeMap<>();
    for (String c : List.of("dev-1", "dev-2", "sandbox-1")) {
      out.put(c, new TreeMap<>(eks.describeCluster(r -> r.name(c)).cluster().tags()));
    }
    Nodegroup ng =
        eks.describeNodegroup(r -> r.clusterName("dev-2").nodegroupName("ng-a")).nodegroup();
    out.put("dev-2/ng-a", new TreeMap<>(ng.tags()));
    out.put(
        "dev-2/team-a",
        new TreeMap<>(
            eks.describeFargateProfile(r -> r.clusterName("dev-2").fargateProfileName("team-a"))
                .fargateProfile()
                .tags()));
    String asg = ng.resources().autoScalingGroups().get(0).name();
    AutoScalingClient autoscaling =
        aws.client(AutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()));
    out.put(
        "asg",
        autoscaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames(asg))
            .autoScalingGroups()
            .get(0)
            .tags()
            .stream()
            .map(t -> t.key() + "=" + t.value() + (t.propagateAtLaunch() ? "+" : ""))
            .sorted()
            .toList());
    return out;
  }

  /** The policy's defaults and normalisations are never lost: a fixed tag stays fixed. */
  @SuppressWarnings("unchecked")
  static void invariants(Map<String, Object> state) {
    for (String c : List.of("dev-1", "dev-2")) {
      Map<String, String> tags = (Map<String, String>) state.get(c);
      if (tags.containsKey("env")) {
        assertThat(tags.get("env")).as(c + " env").isIn("DEV", "Prod", "dev", "prod");
      }
    }
    assertThat((Map<String, String>) state.get("sandbox-1")).as("exempt cluster").isEmpty();
  }

  static final FleetFixture<Map<String, Object>> FLEET =
      new FleetFixture<>(
          TagEnforcer.NAME,
          TagEnforcerReliabilityIT::fleet,
          TagEnforcerReliabilityIT::run,
          TagEnforcerReliabilityIT::state,
          TagEnforcerReliabilityIT::invariants);

  static final CrashMatrix.Scenario<Map<String, Object>> SCENARIO =
      FLEET.scenario(EventFiles.load("tagging-create-cluster.json"), TICK);

  /** Budget: one crash kind per call N, rotating through all four. */
  @Test
  void crashAtEveryCallOfCreateEventAndSweepConverges() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.standardKinds()).rotatingKinds().run(SCENARIO);

    result.assertPassed();
    assertThat(result.calls()).isGreaterThan(10);
  }

  @Test
  void aBlipAtEveryCallIsRetriedWithinTheRun() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.blipKinds()).rotatingKinds().blips(SCENARIO);

    result.assertPassed();
  }

  /**
   * Budget: every change's answer lost once (AWS carried the request out; the SDK sends it again):
   * the retry must find it done and audit it exactly once.
   */
  @Test
  void aLostAnswerToEveryChangeIsRetriedAndAuditedOnce() throws Exception {
    new CrashMatrix(aws, List.of(Kind.TIMEOUT)).mutationsOnly().blips(SCENARIO).assertPassed();
  }

  @Test
  void everySampleEventTwiceAndInReverseOrderEndsTheSame() throws Exception {
    List<Map<String, Object>> events = EventFiles.startingWith("tagging-");
    assertThat(events).hasSizeGreaterThanOrEqualTo(6);

    new Deliveries(aws).assertSameOutcome(FLEET.deliveries(), events);
  }

  @Test
  void untagBeforeTagAndAStaleCreateForADeletedClusterChangeNothingWrong() throws Exception {
    Map<String, Object> untag = EventFiles.load("tagging-untag-resource.json");
    Map<String, Object> tag = EventFiles.load("tagging-tag-resource.json");
    new Deliveries(aws).assertSameOutcome(FLEET.deliveries(), List.of(tag, untag));

    aws.reset();
    fleet();
    aws.eks().deleteCluster(r -> r.name("dev-1"));
    aws.settle(); // DELETING for a while, as on AWS: the stale event arrives once it is gone
    CallRecorder calls = new CallRecorder(TagEnforcer.NAME);

    Map<String, Object> report =
        run(EventFiles.load("tagging-create-cluster.json"), List.of(calls));

    assertThat(calls.mutations()).isEmpty();
    assertThat(report.get("status")).isIn("ok", "ignored", "partial");
  }

  @Test
  void twoSweepsAtOnceLoseNoTagAndEndAsOneSweep() throws Exception {
    Map<String, Object> once = FLEET.stateAfterOneRun(aws, i -> run(TICK, i));

    List<Overlap.Outcome<Map<String, Object>>> both =
        Overlap.together(() -> run(TICK, List.of()), () -> run(TICK, List.of()));

    assertThat(both).noneMatch(Overlap.Outcome::failed);
    assertThat(state()).isEqualTo(once);
  }

  @Test
  void aMemberAccountThatCannotBeAssumedIsReportedWhileHomeIsSwept() {
    TagFleet seed = fleet();
    String denied = "arn:aws:iam::111111111111:role/eks-steward-member";
    seed.config(
        Policies.STANDARD_JSON.replaceFirst(
            "\\{\"tagging\"",
            "{\"targets\": {\"accounts\": [{\"accountId\": \"111111111111\", \"roleArn\": \""
                + denied
                + "\"}]}, \"tagging\""));
    // The tag enforcer assumes its own role: <configured role>-tag-enforcer.
    FaultInjector deny = FaultInjector.denyingAssumeRole(denied + "-tag-enforcer");

    Map<String, Object> report = run(TICK, List.of(deny));

    assertThat(deny.faulted()).isNotEmpty();
    assertThat(report.get("status")).isEqualTo("partial");
    assertThat(report.get("errors").toString())
        .contains("111111111111/eu-west-1")
        .contains("retryable=false");
    assertThat(aws.eks().describeCluster(r -> r.name("dev-2")).cluster().tags())
        .containsEntry("env", "prod")
        .containsEntry("cost-center", "0000");
  }

  @Test
  void aBurstOfRequestLimitsDelaysTheSweepButDoesNotFailIt() {
    fleet();
    FaultInjector burst = FaultInjector.burstAt(3, 5, Kind.REQUEST_LIMIT);

    Map<String, Object> report = run(TICK, List.of(burst));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(burst.faulted()).hasSize(5);
    assertThat(aws.eks().describeCluster(r -> r.name("dev-2")).cluster().tags())
        .containsEntry("env", "prod");
  }

  /** The handler's answer when its role may not read the config: a report, not an exception. */
  @Test
  void aConfigReadThatIsDeniedIsReportedNamingTheParameterAndChangesNothing() {
    fleet();
    Map<String, Object> before = state();
    FaultInjector denied = FaultInjector.always(Kind.ACCESS_DENIED, "ssm:GetParameter");
    CallRecorder calls = new CallRecorder(TagEnforcer.NAME);

    Map<String, Object> report = run(TICK, List.of(denied, calls));

    assertThat(report)
        .containsEntry("status", "invalid-config")
        .containsEntry(
            "reason",
            "cannot read /eks-steward/config: ssm:GetParameter failed with AccessDeniedException"
                + " (HTTP 403): not authorized to perform ssm:GetParameter; nothing was changed")
        .containsEntry("planned", List.of())
        .containsEntry("applied", List.of());
    assertThat(denied.faulted()).hasSize(1);
    assertThat(calls.mutations()).isEmpty();
    assertThat(state()).isEqualTo(before);
  }

  /** A config read that keeps failing with 500s is worth a retry of the whole invocation. */
  @Test
  void aConfigReadThatKeepsFailingMakesTheHandlerThrowATransientFailure() {
    fleet();
    Map<String, Object> before = state();
    FaultInjector failing = FaultInjector.always(Kind.SERVER_ERROR, "ssm:GetParameter");
    CallRecorder calls = new CallRecorder(TagEnforcer.NAME);

    assertThatThrownBy(() -> run(TICK, List.of(failing, calls)))
        .isInstanceOf(TransientFailureException.class)
        .hasMessage(
            "cannot read /eks-steward/config; the run will be retried: ssm:GetParameter failed"
                + " with InternalFailure (HTTP 500): internal error");
    assertThat(calls.mutations()).isEmpty();
    assertThat(state()).isEqualTo(before);
  }
}
