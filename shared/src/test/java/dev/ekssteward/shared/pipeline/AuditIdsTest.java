package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every audit event names its run and carries a change id that a consumer can de-duplicate by. */
class AuditIdsTest {
  static final Invocation LAMBDA = new Invocation("123456789012", "aws", () -> 60_000L, "req-1");

  @Test
  void aChangeIdNamesTheRunTheAttemptAndTheChange() {
    AuditEvent e =
        new AuditEvent("Nodegroup Scaled Down", List.of("arn:a"), Map.of("cluster", "dev-1"));

    AuditEvent first = e.identified(Pipeline.runId(LAMBDA, null), "1000", 1);
    // Lambda's retry of an async invocation: the same request id, a later attempt.
    AuditEvent retried = e.identified(Pipeline.runId(LAMBDA, null), "61000", 1);

    assertThat(first.detail())
        .containsEntry("runId", "req-1")
        .containsEntry("changeId", "req-1/1000/1")
        .containsEntry("cluster", "dev-1");
    assertThat(retried.detail()).containsEntry("changeId", "req-1/61000/1");
  }

  @Test
  void aFanOutMessageIsARunOfItsOwnWithinTheRequest() {
    FanOutItem item = new FanOutItem("msg-7", "111122223333", "eu-west-1", null, null);

    assertThat(Pipeline.runId(LAMBDA, item)).isEqualTo("req-1/msg-7");
    assertThat(Pipeline.runId(new Invocation(null, "aws", () -> 1L, null), null))
        .matches("[0-9a-f-]{36}");
  }
}
