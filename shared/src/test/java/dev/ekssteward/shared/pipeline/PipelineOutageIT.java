package dev.ekssteward.shared.pipeline;

import static dev.ekssteward.shared.pipeline.KeeperFleet.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.AuditTap;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Throttling bursts, unreachable accounts and endpoints, an unreadable config: who throws and who
 * goes on.
 */
class PipelineOutageIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void aThrottlingBurstDelaysButDoesNotFailTheRun() {
    seed();
    FaultInjector burst = FaultInjector.burstAt(3, 5, Kind.THROTTLE);
    CallRecorder calls = new CallRecorder("keeper");

    Map<String, Object> report = tick(true, List.of(burst, calls));

    assertThat(report).containsEntry("status", "ok");
    assertThat(burst.faulted()).hasSize(5).allSatisfy(f -> assertThat(f).endsWith("THROTTLE"));
    assertThat(state())
        .containsEntry("a", "0/3")
        .containsEntry("b", "0/5")
        .containsEntry("c", "0/2");
  }

  @Test
  void anAccountThatCannotBeAssumedIsReportedAndSkippedWhileOthersProceed() {
    String denied = "arn:aws:iam::111111111111:role/steward";
    String allowed = "arn:aws:iam::222222222222:role/steward";
    config(
        Json.write(
            Map.of(
                "targets",
                Map.of(
                    "accounts",
                    List.of(
                        Map.of("accountId", "111111111111", "roleArn", denied),
                        Map.of("accountId", "222222222222", "roleArn", allowed))))));
    seed();
    SsmClient member = memberSsm(allowed);
    aws.seeder().asMember(allowed).seed(sizes());
    // Each function assumes its own role there: <configured role>-<function>.
    FaultInjector deny = FaultInjector.denyingAssumeRole(denied + "-keeper");

    Map<String, Object> report = tick(true, List.of(deny));

    assertThat(deny.faulted()).isNotEmpty();
    assertThat(report).containsEntry("status", "partial");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) report.get("errors");
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("scope", "111111111111/eu-west-1");
              assertThat(e).containsEntry("retryable", false);
            });
    assertThat(state()).containsEntry("a", "0/3").containsEntry("c", "0/2");
    assertThat(get(member, "/fleet/b/size")).isEqualTo("0");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> applied = (List<Map<String, Object>>) report.get("applied");
    // home and the allowed account: 3 clusters x 2 actions each
    assertThat(applied).hasSize(12);
  }

  @Test
  void anUnreachableEndpointIsRetriedByThrowingAfterTheOthersWereDone() {
    seed();
    config("{\"targets\":{\"regions\":[\"eu-west-1\",\"us-west-2\"]}}");
    FaultInjector down =
        FaultInjector.always(Kind.ENDPOINT_DOWN, c -> "us-west-2".equals(c.region()));

    assertThatThrownBy(() -> tick(true, List.of(down)))
        .isInstanceOf(TransientFailureException.class)
        .hasMessageContaining("Connection refused");
    assertThat(down.faulted())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f).endsWith("ENDPOINT_DOWN"));
    assertThat(state()).containsEntry("a", "0/3").containsEntry("b", "0/5");
  }

  @Test
  void aConfigThatCannotBeReadMakesTheRunThrowSoLambdaRetriesItChangingNothing() {
    seed();
    FaultInjector failing = FaultInjector.always(Kind.SERVER_ERROR, "ssm:GetParameter");
    CallRecorder calls = new CallRecorder("keeper");

    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      assertThatThrownBy(() -> tick(true, List.of(failing, calls)))
          .isInstanceOf(TransientFailureException.class)
          .hasMessage(
              "cannot read /eks-steward/config; the run will be retried: ssm:GetParameter failed"
                  + " with InternalFailure (HTTP 500): internal error")
          .satisfies(e -> assertThat(Retry.isRetryable(e.getCause())).isTrue());
    } finally {
      System.setOut(out);
    }
    // The run still writes its report line (status retry), which the logs query reads.
    assertThat(printed.toString(StandardCharsets.UTF_8).lines())
        .filteredOn(l -> l.contains("\"message\":\"report\""))
        .singleElement()
        .satisfies(l -> assertThat(l).contains("\"status\":\"retry\"").contains("cannot read"));
    assertThat(calls.mutations()).isEmpty();
    // One retry layer: the SDK's, bounded at Retry.MAX_ATTEMPTS attempts per call.
    assertThat(failing.faulted()).hasSize(Retry.MAX_ATTEMPTS);
  }

  @Test
  void aConfigReadThatIsDeniedIsReportedNamingTheParameterAndChangesNothing() {
    seed();
    Map<String, String> seeded = state();
    FaultInjector denied = FaultInjector.always(Kind.ACCESS_DENIED, "ssm:GetParameter");
    CallRecorder calls = new CallRecorder("keeper");
    AuditTap tap = new AuditTap();
    AuditTap.createBus(aws);

    Map<String, Object> report = tick(true, List.of(denied, calls, tap));

    String reason =
        "ssm:GetParameter failed with AccessDeniedException (HTTP 403):"
            + " not authorized to perform ssm:GetParameter";
    assertThat(report)
        .containsEntry("status", "invalid-config")
        .containsEntry(
            "reason", "cannot read /eks-steward/config: " + reason + "; nothing was changed")
        .containsEntry("planned", List.of())
        .containsEntry("applied", List.of());
    // Denied once, not retried; nothing else was called but the audit event's delivery.
    assertThat(denied.faulted()).hasSize(1);
    assertThat(calls.calls()).containsExactly("ssm:GetParameter", "events:PutEvents");
    assertThat(calls.mutations()).isEmpty();
    assertThat(state()).isEqualTo(seeded);
    assertThat(tap.drain())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.detailType()).isEqualTo("Config Invalid");
              assertThat(e.detail())
                  .containsEntry("source", "/eks-steward/config")
                  .containsEntry("errors", List.of("$: cannot be read: " + reason));
            });
  }
}
