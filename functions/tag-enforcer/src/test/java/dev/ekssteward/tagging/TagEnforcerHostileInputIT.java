package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.TagEnforcerReliabilityIT.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.HostileInput;
import dev.ekssteward.shared.testing.LocalAws;
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
    new Seed(aws).config(Policies.STANDARD_JSON);
    List<Map<String, Object>> samples = sampleEvents();
    List<Object> statuses = new ArrayList<>();

    HostileInput.check(
        HostileInput.events(samples),
        200,
        7001L,
        2000,
        event -> {
          CallRecorder calls = new CallRecorder(TagEnforcer.NAME + "-fuzz");
          Map<String, Object> report = run(event, List.of(calls));
          statuses.add(report.get("status"));
          assertThat(report.get("status")).isIn("ignored", "ok", "partial");
          assertThat(calls.mutations()).isEmpty();
        });
    // Both the parser's rejections and the controller's paths were reached.
    assertThat(statuses).contains("ignored", "ok");
  }

  @Test
  void hostileConfigDocumentsAreRejectedBeforeAnyChange() {
    Seed seed = fleet();
    Map<String, Object> valid = Json.parseObject(Policies.STANDARD_JSON);

    HostileInput.check(
        HostileInput.documents(valid),
        100,
        7002L,
        2000,
        doc -> {
          seed.config(doc);
          CallRecorder calls = new CallRecorder(TagEnforcer.NAME + "-fuzz");
          Map<String, Object> report = run(TICK, List.of(calls));
          if (!"invalid-config".equals(report.get("status"))) {
            return; // a document that is still valid may fix tags
          }
          assertThat(calls.mutations()).isEmpty();
          assertThat((String) report.get("reason")).startsWith("invalid /eks-steward/config");
        });
  }

  @Test
  void hostileTagValuesAreReportedNeverRewrittenOrCrashing() {
    Seed seed = new Seed(aws);
    seed.config(Policies.STANDARD_JSON);
    String arn = seed.cluster("dev-1", GOOD);
    List<String> accepted = new ArrayList<>();

    HostileInput.check(
        HostileInput.tagValues(),
        60,
        7003L,
        2000,
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
