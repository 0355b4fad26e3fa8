package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.TagEnforcerReliabilityIT.*;
import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.HostileInput;
import dev.ekssteward.shared.testing.HostileRuns;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.tagging.plan.Policies;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Hostile events, config documents and tag values against the tag enforcer: always a report, never
 * a change (fixtures from {@link TagEnforcerReliabilityIT}).
 */
class TagEnforcerHostileInputIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void hostileEventsChangeNothingAndAlwaysGetAReport() throws Exception {
    TagFleet.standard(aws);

    HostileRuns.eventsChangeNothing(FLEET, EventFiles.startingWith("tagging-"), 7001L);
  }

  @Test
  void hostileConfigDocumentsAreRejectedBeforeAnyChange() {
    TagFleet seed = fleet();

    HostileRuns.documents(
        TagEnforcer.NAME,
        Json.parseObject(Policies.STANDARD_JSON),
        7002L,
        new HostileRuns.Documents(
            seed::config,
            i -> run(TICK, i),
            HostileRuns::invalidConfig,
            report ->
                assertThat((String) report.get("reason")).startsWith("invalid /eks-steward/config"),
            () -> {}) // a document that is still valid may fix tags
        );
  }

  @Test
  void hostileTagValuesAreReportedNeverRewrittenOrCrashing() {
    TagFleet seed = TagFleet.standard(aws);
    String arn = seed.cluster("dev-1", GOOD);
    List<String> accepted = new ArrayList<>();

    HostileInput.check(
        HostileInput.tagValues(),
        60,
        7003L,
        5000,
        value -> {
          try {
            seed.eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("team", value)));
          } catch (RuntimeException awsRefused) {
            return; // EKS (moto) refuses the value itself
          }
          accepted.add(value);
          CallRecorder calls = new CallRecorder(TagEnforcer.NAME + "-fuzz");
          Map<String, Object> report = run(TICK, List.of(calls));
          assertThat(report.get("status")).isEqualTo("ok");
          // team has no default: a bad value is a violation, never a write
          assertThat(calls.mutations()).isEmpty();
          assertThat(seed.clusterTags("dev-1")).containsEntry("team", value);
        });
    assertThat(accepted).hasSizeGreaterThan(10);
  }
}
