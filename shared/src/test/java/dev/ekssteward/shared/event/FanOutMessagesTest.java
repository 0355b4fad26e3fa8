package dev.ekssteward.shared.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SQS records of fan-out messages become one item each; anything else is named. */
class FanOutMessagesTest {
  private static Map<String, Object> sqs(Object... records) {
    return Map.of("Records", List.of(records));
  }

  private static Map<String, Object> record(String id, String body) {
    return Map.of("messageId", id, "body", body, "eventSource", "aws:sqs");
  }

  @Test
  void aBodyWrittenByTheSenderIsReadBackAsTheSameTarget() {
    Instant tick = Instant.parse("2026-11-25T18:00:00Z");
    String own = FanOutMessages.body(null, "eu-west-1", tick);
    String member = FanOutMessages.body("111122223333", "us-east-1", null);

    Trigger t = Deliveries.read(sqs(record("m1", own), record("m2", member)));

    assertThat(t)
        .isEqualTo(
            new FanOutBatch(
                List.of(
                    new FanOutItem("m1", null, "eu-west-1", tick, null),
                    new FanOutItem("m2", "111122223333", "us-east-1", null, null))));
  }

  @Test
  void aBodyThatIsNotAFanOutMessageBecomesAProblemItemNotAFailedBatch() {
    Trigger t =
        Deliveries.read(
            sqs(
                record("bad-json", "{not json"),
                record("other", "{\"detail\":{}}"),
                record("account", "{\"fanOut\":{\"account\":\"12\",\"region\":\"eu-west-1\"}}"),
                record("time", "{\"fanOut\":{\"region\":\"eu-west-1\",\"time\":\"yesterday\"}}")));

    assertThat(((FanOutBatch) t).items())
        .extracting(FanOutItem::messageId, FanOutItem::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("bad-json", "body: not a fan-out message"),
            org.assertj.core.groups.Tuple.tuple("other", "body: not a fan-out message"),
            org.assertj.core.groups.Tuple.tuple(
                "account", "body.fanOut.account: not an account id"),
            org.assertj.core.groups.Tuple.tuple("time", "body: not a fan-out message"));
  }

  @Test
  void recordsThatAreNotSqsAreUnrecognized() {
    assertThat(
            Deliveries.read(
                Map.of("Records", List.of(Map.of("eventSource", "aws:s3", "messageId", "x")))))
        .isEqualTo(
            new Unrecognized("Records: only SQS records (eventSource aws:sqs) are supported"));
    assertThat(Deliveries.read(Map.of("Records", List.of())))
        .isEqualTo(new Unrecognized("Records: must be a non-empty array"));
    assertThat(Deliveries.read(sqs(Map.of("eventSource", "aws:sqs", "body", "{}"))))
        .isEqualTo(new Unrecognized("Records[].messageId: is required"));
  }
}
