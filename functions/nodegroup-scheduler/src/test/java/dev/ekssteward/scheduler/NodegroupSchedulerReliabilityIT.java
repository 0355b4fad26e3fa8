package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.CONFIG;
import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.AuditTap;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.Deliveries;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.FleetFixture;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Overlap;
import dev.ekssteward.shared.testing.RecordKeys;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * The reliability harness on the node group scheduler: the evening → night → morning cycle crashed
 * and blipped at every call, never losing an original size; the sample events twice and reversed;
 * two evening ticks at once; hostile events, config documents and schedule tag values.
 */
class NodegroupSchedulerReliabilityIT {
  /**
   * Lifecycle states on, short: the matrices run the cycle about a hundred times, each tick after
   * the transitions of the one before are over ({@link #later}), as ticks minutes apart on AWS.
   */
  @RegisterExtension static final LocalAws aws = LocalAws.withTransitionSeconds(0.1);

  /** A tick minutes after the last: what the last one started has settled. */
  static Map<String, Object> later(Instant now, List<ExecutionInterceptor> with) {
    aws.settle();
    return tick(now, with);
  }

  static Instant at(int days, String time) {
    return MotoFleet.at(days, time);
  }

  static void config(String json) {
    MotoFleet.config(aws, json);
  }

  static Map<String, Object> run(
      Instant now, Map<String, Object> event, List<ExecutionInterceptor> with) {
    return MotoFleet.run(aws, Clock.fixed(now, ZoneOffset.UTC), false, event, with);
  }

  static Map<String, Object> tick(Instant now, List<ExecutionInterceptor> with) {
    return run(now, MotoFleet.tickEvent(now), with);
  }

  static void fleet() {
    RecordKeys.ensure(aws); // the stack's key, which signs the size records
    aws.seeder().seed(MotoFleet.office());
  }

  /** Group → sizes and the original-scaling record, if any; "index" → the indexed clusters. */
  static Map<String, String> state() {
    Map<String, String> out = new TreeMap<>();
    out.put("index", MotoFleet.indexed(aws).toString());
    for (String name : ORIGINAL.keySet()) {
      Nodegroup g =
          aws.eks().describeNodegroup(r -> r.clusterName("dev-1").nodegroupName(name)).nodegroup();
      var c = g.scalingConfig();
      out.put(
          name,
          new Sizes(c.minSize(), c.desiredSize(), c.maxSize()).encode()
              + " record="
              + g.tags().get(Contract.ORIGINAL_SCALING_TAG));
    }
    return out;
  }

  /**
   * A group not at its original size has exactly its original size on record; max stays ≥ 1; a
   * record stands only where the record index names the cluster (a tick finds it there).
   */
  static void originalNeverLost(Map<String, String> state) {
    boolean recorded = state.values().stream().anyMatch(v -> v.contains("@"));
    if (recorded) {
      assertThat(state.get("index")).as("the record index").contains("dev-1");
    }
    state.forEach(
        (name, v) -> {
          if (name.equals("index")) {
            return;
          }
          String sizes = v.substring(0, v.indexOf(' '));
          String record = v.substring(v.indexOf("record=") + 7);
          assertThat(Integer.parseInt(sizes.substring(sizes.lastIndexOf('-') + 1)))
              .as("max of " + name)
              .isGreaterThanOrEqualTo(1);
          if (!sizes.equals(ORIGINAL.get(name).encode())) {
            assertThat(record)
                .as(name + " is at " + sizes + "; its original must be on record")
                .startsWith(ORIGINAL.get(name).encode() + "@");
          }
        });
  }

  static final FleetFixture<Map<String, String>> FLEET =
      new FleetFixture<>(
          "nodegroup-scheduler",
          NodegroupSchedulerReliabilityIT::fleet,
          (event, with) -> run(at(0, "19:05"), event, with),
          NodegroupSchedulerReliabilityIT::state,
          NodegroupSchedulerReliabilityIT::originalNeverLost);

  /** Evening, night and morning ticks. */
  static final CrashMatrix.Scenario<Map<String, String>> CYCLE =
      FLEET.scenario(
          List.of(
              i -> tick(at(0, "19:05"), i),
              i -> later(at(1, "03:00"), i),
              i -> later(at(1, "07:05"), i)));

  /** Budget: every call N, one crash kind each, rotating through all four. */
  @Test
  void crashAtEveryCallOfTheCycleRestoresEveryExactSize() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.standardKinds()).rotatingKinds().run(CYCLE);

    result.assertPassed();
    // 33 EKS and audit calls, plus the ledger's: a GetParametersByPath a tick, the evening's index
    // write, and the evening's second look at dev-1 once the index holds it (5 EKS reads); and the
    // record key's: 3 GenerateMac in the evening, 3 VerifyMac in the morning (none at night).
    assertThat(result.calls()).isEqualTo(48);
    ORIGINAL.forEach(
        (name, s) -> assertThat(state().get(name)).isEqualTo(s.encode() + " record=null"));
  }

  @Test
  void everyRestoreIsAuditedEvenWhenItsRecordCannotBeRemoved() throws Exception {
    new CrashMatrix(aws, List.of(Kind.SERVER_ERROR)).mutationsOnly().run(CYCLE).assertPassed();
  }

  @Test
  void aRestoreWhoseRecordCannotBeRemovedIsAuditedOnceAndTheNextTickDropsTheRecord() {
    fleet();
    AuditTap tap = new AuditTap();
    tick(at(0, "19:05"), List.of(tap));
    assertThat(tap.drain())
        .extracting(AuditTrail.Delivered::detailType)
        .containsOnly("Nodegroup Scaled Down", "Record Index Updated")
        .hasSize(ORIGINAL.size() + 1);
    FaultInjector untagFails = FaultInjector.always(Kind.SERVER_ERROR, "eks:UntagResource");

    Map<String, Object> morning = later(at(1, "07:05"), List.of(untagFails, tap));

    // Every attempt, retries included, of every group's record removal failed.
    assertThat(untagFails.faulted())
        .isNotEmpty()
        .allSatisfy(c -> assertThat(c).contains("eks:UntagResource"));
    assertThat(morning.get("applied").toString())
        .contains("removing the eks-steward/original-scaling record failed");
    List<AuditTrail.Delivered> events = tap.drain();
    assertThat(events)
        .extracting(AuditTrail.Delivered::detailType)
        .hasSize(ORIGINAL.size())
        .containsOnly("Nodegroup Scaled Up");
    assertThat(events)
        .allSatisfy(e -> assertThat(e.detail()).containsEntry("recordRemoved", false));
    ORIGINAL.forEach(
        (name, s) ->
            assertThat(state().get(name)).startsWith(s.encode() + " record=" + s.encode() + "@"));

    later(at(1, "07:10"), List.of(tap));

    assertThat(tap.drain()).isEmpty();
    ORIGINAL.forEach(
        (name, s) -> assertThat(state().get(name)).isEqualTo(s.encode() + " record=null"));
  }

  /** Budget: every call N, one blip kind each, rotating. */
  @Test
  void aBlipAtEveryCallOfTheCycleIsRetriedWithinTheRun() throws Exception {
    new CrashMatrix(aws, CrashMatrix.blipKinds()).rotatingKinds().blips(CYCLE).assertPassed();
  }

  /**
   * Budget: every change's answer lost once (AWS carried the request out; the SDK sends it again):
   * the retry must find it done and audit it exactly once.
   */
  @Test
  void aLostAnswerToEveryChangeIsRetriedAndAuditedOnce() throws Exception {
    new CrashMatrix(aws, List.of(Kind.TIMEOUT)).mutationsOnly().blips(CYCLE).assertPassed();
  }

  /** At night, before the evening tick scaled ng-a down: create and wake for dev-1/ng-a. */
  static final FleetFixture<Map<String, Object>> NIGHT =
      new FleetFixture<>(
          "nodegroup-scheduler",
          () ->
              aws.seeder()
                  .seed(
                      MotoFleet.fleet()
                          .config(CONFIG)
                          .cluster(
                              cluster("dev-1")
                                  .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
                                  .nodegroup(
                                      MotoFleet.group("ng-a", new Sizes(2, 3, 5), Map.of())))),
          (event, with) -> run(at(0, "23:00"), event, with),
          () -> {
            Nodegroup g =
                aws.eks()
                    .describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("ng-a"))
                    .nodegroup();
            var c = g.scalingConfig();
            Map<String, Object> out = new TreeMap<>(g.tags());
            out.put("sizes", new Sizes(c.minSize(), c.desiredSize(), c.maxSize()).encode());
            return out;
          });

  @Test
  void everySampleEventTwiceAndInReverseOrderEndsTheSame() throws Exception {
    List<Map<String, Object>> events =
        List.of(
            EventFiles.load("scheduler-create-nodegroup.json"),
            // Proven at 23:00, when NIGHT delivers it (a request without a proof is only refused).
            dev.ekssteward.shared.testing.Proofs.proven(
                aws,
                EventFiles.load("scheduler-wake.json"),
                MotoFleet.at(0, "23:00"),
                dev.ekssteward.shared.testing.Proofs.operator(aws)));

    // Events seconds apart find ng-a still UPDATING from the other's change; the next tick, once
    // it is ACTIVE, must leave every order in the same state.
    new Deliveries(aws).assertSameOutcome(NIGHT.deliveries(i -> later(at(0, "23:05"), i)), events);
  }

  @Test
  void twoEveningTicksAtOnceRecordEveryOriginalAndRestoreItInTheMorning() throws Exception {
    fleet();

    List<Overlap.Outcome<Map<String, Object>>> both =
        Overlap.together(
            () -> tick(at(0, "19:05"), List.of()), () -> tick(at(0, "19:05"), List.of()));

    originalNeverLost(state());
    // One invocation may lose a race and report or throw it; the next tick must still converge.
    assertThat(both.stream().filter(Overlap.Outcome::failed).map(o -> o.error().getClass()))
        .allSatisfy(c -> assertThat(c.getSimpleName()).isEqualTo("TransientFailureException"));
    later(at(1, "03:00"), List.of());
    originalNeverLost(state());
    later(at(1, "07:05"), List.of());
    ORIGINAL.forEach(
        (name, s) -> assertThat(state().get(name)).isEqualTo(s.encode() + " record=null"));
  }

  @Test
  void aBurstOfRequestLimitsDelaysTheEveningButDoesNotFailIt() {
    fleet();
    FaultInjector burst = FaultInjector.burstAt(5, 5, Kind.REQUEST_LIMIT);

    Map<String, Object> report = tick(at(0, "19:05"), List.of(burst));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(burst.faulted()).hasSize(5);
    ORIGINAL.forEach(
        (name, s) ->
            assertThat(state().get(name)).startsWith("0-0-1" + " record=" + s.encode() + "@"));
  }

  @Test
  void aMemberAccountThatCannotBeAssumedIsReportedWhileHomeIsScaled() {
    fleet();
    String denied = "arn:aws:iam::111111111111:role/eks-steward-member";
    config(
        CONFIG.replace(
            "{\"scheduler\"",
            "{\"targets\": {\"accounts\": [{\"accountId\": \"111111111111\", \"roleArn\": \""
                + denied
                + "\"}]}, \"scheduler\""));
    // The scheduler assumes its own role: <configured role>-nodegroup-scheduler.
    FaultInjector deny = FaultInjector.denyingAssumeRole(denied + "-nodegroup-scheduler");

    Map<String, Object> report = tick(at(0, "19:05"), List.of(deny));

    assertThat(deny.faulted()).isNotEmpty();
    assertThat(report.get("status")).isEqualTo("partial");
    assertThat(report.get("errors").toString())
        .contains("111111111111/eu-west-1")
        .contains("retryable=false");
    ORIGINAL.forEach((name, s) -> assertThat(state().get(name)).startsWith("0-0-1" + " record="));
  }
}
