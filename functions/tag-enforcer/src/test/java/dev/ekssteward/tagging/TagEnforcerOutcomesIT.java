package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.pipeline.TransientFailureException;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.tagging.plan.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * What AWS's answers to our TagResource become, the same way for every function: gone is a no-op, a
 * refusal fails the action (not the scope), and a failure worth retrying fails the action after the
 * SDK's 6 attempts, lets the scope's other actions run and fails the invocation at its end.
 */
class TagEnforcerOutcomesIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String CLUSTER_ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1";

  TagFleet seed;

  @BeforeEach
  void setUp() {
    seed = TagFleet.standard(aws);
  }

  Map<String, Object> run(Map<String, Object> event, ExecutionInterceptor with) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    return TagFleet.run(aws.settings(false), clock, List.of(seed.recorder, with), event);
  }

  /** Does {@code meanwhile} just before our first TagResource leaves: someone else's change. */
  static ExecutionInterceptor beforeOurTagResource(Runnable meanwhile) {
    return new ExecutionInterceptor() {
      boolean done;

      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attrs) {
        if (!done
            && "TagResource".equals(attrs.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
          done = true;
          meanwhile.run();
        }
      }
    };
  }

  @Test
  void aClusterDeletedBetweenReadAndTagIsANoopGone() {
    seed.cluster("dev-1", Map.of("env", "DEV"));

    Map<String, Object> report =
        run(
            EventFiles.load("tagging-create-cluster.json"),
            beforeOurTagResource(
                () -> {
                  seed.eks.deleteCluster(r -> r.name("dev-1"));
                  aws.settle(); // DELETING for a while, as on AWS; then gone before our call
                }));

    assertThat(report).containsEntry("status", "ok");
    assertThat(TagFleet.list(report, "applied"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("result", "noop")
                    .containsEntry("message", "gone: Resource was not found: " + CLUSTER_ARN));
    assertThat(TagFleet.list(report, "errors")).isEmpty();
  }

  @Test
  void aRefusedTagFailsTheActionNotTheScope() {
    seed.cluster("dev-1", Map.of("env", "DEV"));
    Map<String, String> filler = new HashMap<>();
    for (int i = 0; i < 48; i++) {
      filler.put("filler-" + i, "x");
    }

    Map<String, Object> report =
        run(
            EventFiles.load("tagging-create-cluster.json"),
            beforeOurTagResource(
                () -> seed.eks.tagResource(r -> r.resourceArn(CLUSTER_ARN).tags(filler))));

    assertThat(report)
        .containsEntry("status", "partial")
        .containsEntry("reason", "some changes failed; see applied");
    assertThat(TagFleet.list(report, "applied"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("result", "failed")
                    .containsEntry(
                        "message", "BadRequestException: A resource can have at most 50 tags."));
    assertThat(TagFleet.list(report, "errors")).isEmpty();
    assertThat(seed.clusterTags("dev-1")).doesNotContainKey("cost-center").hasSize(49);
  }

  @Test
  void aSweepsRefusedTagResourceIsCountedUnfixedNotFixed() {
    seed.cluster("dev-1", Map.of("team", "search", "env", "Prod"));
    seed.cluster("dev-2", Map.of("team", "search", "env", "dev"));
    // An SCP or a missing permission: refused, not worth retrying.
    FaultInjector denied =
        FaultInjector.always(
            Kind.ACCESS_DENIED,
            c ->
                c.action().equals("eks:TagResource")
                    && c.field("resourceArn").orElse("").equals(CLUSTER_ARN));

    Map<String, Object> report = run(EventFiles.load("schedule-tick.json"), denied);

    assertThat(TagFleet.list(report, "applied"))
        .extracting(a -> a.get("target") + " " + a.get("result"))
        .containsExactlyInAnyOrder(
            CLUSTER_ARN + " failed", CLUSTER_ARN.replace("dev-1", "dev-2") + " applied");
    assertThat(seed.clusterTags("dev-1")).containsEntry("env", "Prod");
    assertThat(summary(report).get("compliance"))
        .extracting("cluster")
        .isEqualTo(Map.of("compliant", 0L, "fixed", 1L, "unfixed", 1L, "violating", 0L));
    assertThat(metrics(report)).containsEntry("TagFixedCluster", 1.0);
  }

  @Test
  void whenTheChangeLimitStopsTheRunNothingCountsAsFixed() {
    seed.config(
        Policies.STANDARD_JSON.replace(
            "{\"tagging\"", "{\"limits\": {\"maxChangesPerRun\": 0}, \"tagging\""));
    seed.cluster("dev-1", Map.of("team", "search", "env", "Prod", "cost-center", "1234"));
    seed.cluster("dev-2", Map.of("team", "search", "env", "dev"));

    Map<String, Object> report = seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(report).containsEntry("status", "limit-exceeded");
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(summary(report).get("compliance"))
        .extracting("cluster")
        .isEqualTo(Map.of("compliant", 0L, "fixed", 0L, "unfixed", 2L, "violating", 0L));
    assertThat(metrics(report)).doesNotContainKey("TagFixedCluster");
  }

  static Map<String, Object> summary(Map<String, Object> report) {
    List<Map<String, Object>> summaries = TagFleet.findings(report, "Tag Compliance Summary");
    assertThat(summaries).hasSize(1);
    return summaries.get(0);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> metrics(Map<String, Object> report) {
    return (Map<String, Object>) report.get("metrics");
  }

  @Test
  void aTagResourceThatKeepsFailingIsTriedSixTimesAndTheRunThrowsAfterTheRest() {
    seed.cluster("dev-1", Map.of("team", "search", "env", "Prod"));
    seed.nodegroup("dev-1", "ng-a", Map.of("team", "payments", "env", "dev"));
    FaultInjector failing =
        FaultInjector.always(
            Kind.SERVER_ERROR,
            c ->
                c.action().equals("eks:TagResource")
                    && c.field("resourceArn").orElse("").equals(CLUSTER_ARN));

    assertThatThrownBy(() -> run(EventFiles.load("schedule-tick.json"), failing))
        .isInstanceOf(TransientFailureException.class)
        .hasMessageStartingWith("transient AWS failure; the run will be retried: ");

    assertThat(failing.faulted()).hasSize(6);
    assertThat(seed.nodegroupTags("dev-1", "ng-a")).containsEntry("cost-center", "0000");
    assertThat(seed.clusterTags("dev-1")).isEqualTo(Map.of("team", "search", "env", "Prod"));
  }
}
