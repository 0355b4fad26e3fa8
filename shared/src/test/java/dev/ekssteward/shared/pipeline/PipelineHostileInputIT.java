package dev.ekssteward.shared.pipeline;

import static dev.ekssteward.shared.pipeline.KeeperFleet.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.HostileInput;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hostile events and config documents against the scripted keeper: a report, never a change. */
class PipelineHostileInputIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void hostileEventsAreReportedWithoutAnyMutationInBoundedTime() {
    seed();
    List<Map<String, Object>> samples =
        List.of(
            TICK,
            Map.of(
                "detail-type", "Wake Request",
                "source", "eks-steward.requests",
                "detail", Map.of("cluster", "dev-1", "minutes", 30)),
            Map.of(
                "detail-type", "Parameter Store Change",
                "source", "aws.ssm",
                "detail", Map.of("name", "/eks-steward/config", "operation", "Update")));
    List<String> statuses = new ArrayList<>();

    int tried =
        HostileInput.check(
            HostileInput.events(samples).filter(e -> !isTick(e)),
            200,
            9001L,
            5000,
            event -> {
              CallRecorder calls = new CallRecorder("keeper-fuzz");
              Map<String, Object> report =
                  keeper(true, List.of(calls)).run(event, Invocation.from(new TestContext("k")));
              statuses.add((String) report.get("status"));
              assertThat(report.get("status")).isIn("ignored", "invalid-config", "ok");
              assertThat(calls.mutations()).isEmpty();
            });

    assertThat(tried).isEqualTo(200);
    assertThat(statuses).contains("ignored");
  }

  @Test
  void hostileConfigDocumentsChangeNothingWhenRejected() {
    seed();
    Map<String, Object> valid =
        Json.parseObject(
            "{\"targets\":{\"regions\":[\"eu-west-1\"],\"clusters\":{\"include\":[\"*\"]}},"
                + "\"scheduler\":{\"maxConcurrency\":2,\"schedules\":{\"o\":{\"timezone\":\"UTC\","
                + "\"uptime\":[\"Mon-Fri 07:00-19:00\"]}}}}");
    List<String> statuses = new ArrayList<>();

    HostileInput.check(
        HostileInput.documents(valid),
        200,
        9002L,
        5000,
        doc -> {
          config(doc);
          CallRecorder calls = new CallRecorder("keeper-fuzz");
          Map<String, Object> report;
          try {
            report = keeper(true, List.of(calls)).run(TICK, Invocation.from(new TestContext("k")));
          } finally {
            seed(); // restore the sizes a valid document let the keeper change
          }
          String status = (String) report.get("status");
          statuses.add(status);
          assertThat(status).isIn("invalid-config", "ok");
          if (status.equals("invalid-config")) {
            assertThat(calls.mutations()).isEmpty();
            assertThat((String) report.get("reason")).startsWith("invalid /eks-steward/config");
          }
        });

    assertThat(statuses).contains("invalid-config", "ok");
  }
}
