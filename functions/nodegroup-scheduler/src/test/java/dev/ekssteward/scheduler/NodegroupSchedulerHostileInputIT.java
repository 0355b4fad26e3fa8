package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.CONFIG;
import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.scheduler.NodegroupSchedulerReliabilityIT.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.HostileInput;
import dev.ekssteward.shared.testing.HostileRuns;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile events, config documents and schedule tag values against the scheduler: always a report,
 * never a change (fixtures from {@link NodegroupSchedulerReliabilityIT}).
 */
class NodegroupSchedulerHostileInputIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void hostileEventsChangeNothingAndAlwaysGetAReport() {
    aws.seeder().seed(MotoFleet.fleet().config(CONFIG));
    List<Map<String, Object>> samples =
        List.of(
            EventFiles.load("scheduler-create-nodegroup.json"),
            // Proven at 23:00, when NIGHT delivers it (a request without a proof is only refused).
            dev.ekssteward.shared.testing.Proofs.proven(
                aws,
                EventFiles.load("scheduler-wake.json"),
                MotoFleet.at(0, "23:00"),
                dev.ekssteward.shared.testing.Proofs.operator(aws)),
            EventFiles.load("schedule-tick.json"));

    // Delivered at night (23:00), as NIGHT does.
    HostileRuns.eventsChangeNothing(NIGHT, samples, 5001L);
  }

  @Test
  void hostileConfigDocumentsAreRejectedBeforeAnyChange() {
    fleet();
    Map<String, String> seeded = state();

    List<Boolean> rejected =
        HostileRuns.documents(
            "nodegroup-scheduler",
            Json.parseObject(CONFIG),
            5002L,
            new HostileRuns.Documents(
                NodegroupSchedulerReliabilityIT::config,
                i -> tick(at(0, "19:05"), i),
                HostileRuns::invalidConfig,
                report -> assertThat(state()).isEqualTo(seeded),
                () -> {
                  if (!state().equals(seeded)) {
                    // a still-valid document may scale down: bring the groups back up by hand
                    ORIGINAL.forEach(NodegroupSchedulerHostileInputIT::restore);
                  }
                }));
    assertThat(rejected).contains(true);
  }

  @Test
  void hostileScheduleTagsAreReportedNeverAppliedOrCrashing() {
    fleet();
    Map<String, String> seeded = state();
    String arn = aws.eks().describeCluster(r -> r.name("dev-1")).cluster().arn();
    List<String> accepted = new ArrayList<>();

    HostileInput.check(
        HostileInput.tagValues(),
        40,
        5003L,
        5000,
        value -> {
          try {
            aws.eks()
                .tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.SCHEDULE_TAG, value)));
          } catch (RuntimeException awsRefused) {
            return; // EKS (moto) refuses the value itself
          }
          accepted.add(value);
          CallRecorder calls = new CallRecorder("nodegroup-scheduler-fuzz");
          Map<String, Object> report = tick(at(0, "23:00"), List.of(calls));
          assertThat(report.get("status")).isIn("ok", "partial");
          if (!value.equals("office")) {
            assertThat(calls.mutations()).as("schedule '" + value + "'").isEmpty();
          }
          if (!state().equals(seeded)) {
            ORIGINAL.forEach(NodegroupSchedulerHostileInputIT::restore);
          }
        });
    assertThat(accepted).hasSizeGreaterThan(10);
  }

  private static void restore(String name, Sizes s) {
    aws.eks()
        .updateNodegroupConfig(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName(name)
                    .scalingConfig(
                        c -> c.minSize(s.min()).desiredSize(s.desired()).maxSize(s.max())));
    String arn =
        aws.eks()
            .describeNodegroup(r -> r.clusterName("dev-1").nodegroupName(name))
            .nodegroup()
            .nodegroupArn();
    aws.eks().untagResource(r -> r.resourceArn(arn).tagKeys(Contract.ORIGINAL_SCALING_TAG));
  }
}
