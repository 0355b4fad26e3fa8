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
  void eachEventOfARunGetsItsOwnChangeIdAndTheRunsId() {
    List<AuditEvent> events =
        List.of(
            new AuditEvent("Nodegroup Scaled Down", List.of("arn:a"), Map.of("cluster", "dev-1")),
            new AuditEvent("Nodegroup Scaled Down", List.of("arn:b"), Map.of("cluster", "dev-1")));

    List<AuditEvent> out = Pipeline.identified(events, Pipeline.runId(LAMBDA, null));

    assertThat(out)
        .extracting(e -> e.detail().get("changeId"))
        .containsExactly("req-1/1", "req-1/2");
    assertThat(out).allMatch(e -> "req-1".equals(e.detail().get("runId")));
    assertThat(out.get(0).detail()).containsEntry("cluster", "dev-1");
  }

  @Test
  void aFanOutMessageIsARunOfItsOwnWithinTheRequest() {
    FanOutItem item = new FanOutItem("msg-7", "111122223333", "eu-west-1", null, null);

    assertThat(Pipeline.runId(LAMBDA, item)).isEqualTo("req-1/msg-7");
    assertThat(Pipeline.runId(new Invocation(null, "aws", () -> 1L, null), null))
        .matches("[0-9a-f-]{36}");
  }
}
