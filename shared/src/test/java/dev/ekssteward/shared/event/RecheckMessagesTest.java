package dev.ekssteward.shared.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.Recheck;
import dev.ekssteward.shared.json.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A deferred look survives its trip through the recheck queue; a foreign body is named. */
class RecheckMessagesTest {
  static final CallerIdentity ALICE =
      new CallerIdentity(
          "AssumedRole",
          "arn:aws:sts::111122223333:assumed-role/admin/alice",
          null,
          "arn:aws:iam::111122223333:role/admin",
          null);

  private static Map<String, Object> record(String id, String body) {
    return Map.of("messageId", id, "body", body, "eventSource", "aws:sqs");
  }

  private static List<FanOutItem> items(Map<String, Object>... records) {
    return ((FanOutBatch) Deliveries.read(Map.of("Records", List.of(records)))).items();
  }

  @Test
  void aLookWrittenBySenderIsReadBackAsTheSameSelectionOneLookOn() {
    Selection.One call =
        new Selection.One(
            "CreateNodegroup", "nodegroup", "ng-a", null, true, ALICE, List.of("team"), 0);
    Recheck sent = new Recheck("111122223333", "eu-west-1", "dev-1", call.next());

    List<FanOutItem> got = items(record("m1", Json.write(RecheckMessages.body(sent))));

    assertThat(got).hasSize(1);
    assertThat(got.get(0).recheck()).isEqualTo(sent);
    assertThat(got.get(0).recheck().what().look()).isEqualTo(1);
    assertThat(got.get(0).key()).isEqualTo("111122223333/eu-west-1/dev-1/nodegroup/ng-a");
    assertThat(got.get(0).problem()).isNull();
  }

  @Test
  void theOwnAccountAndAnUnknownCallerStayAbsent() {
    Selection.One call =
        new Selection.One("CreateCluster", "cluster", "dev-1", null, true, null, List.of(), 0);
    Recheck sent = new Recheck(null, "eu-west-1", "dev-1", call.next().next());

    String body = Json.write(RecheckMessages.body(sent));

    assertThat(body).doesNotContain("account").doesNotContain("caller");
    assertThat(items(record("m1", body)).get(0).recheck()).isEqualTo(sent);
  }

  @Test
  void aBodyThatIsNotALookNamesTheField() {
    List<FanOutItem> got =
        items(
            record(
                "no-look",
                "{\"recheck\":{\"region\":\"eu-west-1\",\"call\":\"C\",\"kind\":\"k\"}}"),
            record(
                "zero",
                "{\"recheck\":{\"region\":\"eu-west-1\",\"call\":\"C\",\"kind\":\"k\",\"look\":0}}"),
            record("no-call", "{\"recheck\":{\"region\":\"eu-west-1\",\"kind\":\"k\",\"look\":1}}"),
            record(
                "account",
                "{\"recheck\":{\"account\":\"12\",\"region\":\"eu-west-1\",\"call\":\"C\","
                    + "\"kind\":\"k\",\"look\":1}}"),
            record(
                "keys",
                "{\"recheck\":{\"region\":\"eu-west-1\",\"call\":\"C\",\"kind\":\"k\",\"look\":1,"
                    + "\"keys\":[1]}}"));

    assertThat(got)
        .extracting(FanOutItem::messageId, FanOutItem::problem)
        .containsExactly(
            tuple("no-look", "body.recheck.look: must be a whole number from 1"),
            tuple("zero", "body.recheck.look: must be a whole number from 1"),
            tuple("no-call", "body.recheck.call: is required"),
            tuple("account", "body.recheck.account: not an account id"),
            tuple("keys", "body.recheck.keys: must be an array of strings"));
  }
}
