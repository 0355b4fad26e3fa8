package dev.ekssteward.shared.event;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.Recheck;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.json.JsonException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of one fan-out message, both ways: {@code {"fanOut": {"account": "<12-digit id>",
 * "region": "eu-west-1", "time": "2026-11-25T18:00:00Z"}}} ({@code account} absent for the
 * function's own account). SQS delivers them as {@code {"Records": [{"messageId", "body",
 * "eventSource": "aws:sqs"}]}}. The recheck queue's messages ({@link RecheckMessages}) arrive the
 * same way and become items of the same batch type.
 */
public final class FanOutMessages {
  private FanOutMessages() {}

  public static String body(String account, String region, Instant time) {
    Map<String, Object> fanOut = new LinkedHashMap<>();
    if (account != null) {
      fanOut.put("account", account);
    }
    fanOut.put("region", region);
    if (time != null) {
      fanOut.put("time", time.toString());
    }
    return Json.write(Map.of("fanOut", fanOut));
  }

  /** The fan-out messages of an SQS delivery, or why it is not one. */
  public static Trigger parse(SQSEvent event) {
    List<SQSMessage> records = event.getRecords();
    if (records == null || records.isEmpty()) {
      return new Unrecognized("Records: must be a non-empty array");
    }
    List<FanOutItem> items = new ArrayList<>();
    for (SQSMessage r : records) {
      if (!"aws:sqs".equals(r.getEventSource())) {
        return new Unrecognized("Records: only SQS records (eventSource aws:sqs) are supported");
      }
      if (r.getMessageId() == null || r.getMessageId().isBlank()) {
        return new Unrecognized("Records[].messageId: is required");
      }
      items.add(item(r.getMessageId(), r.getBody()));
    }
    return new FanOutBatch(items);
  }

  private static FanOutItem item(String id, String body) {
    try {
      Object parsed = body == null ? null : Json.parse(body);
      if (parsed instanceof Map<?, ?> m && m.get("recheck") instanceof Map<?, ?> r) {
        return recheck(id, r);
      }
      Object fanOut = parsed instanceof Map<?, ?> m ? m.get("fanOut") : null;
      if (!(fanOut instanceof Map<?, ?> f)
          || !(f.get("region") instanceof String region)
          || region.isBlank()) {
        return new FanOutItem(id, null, null, null, "body: not a fan-out message");
      }
      Object account = f.get("account");
      if (account != null && !(account instanceof String a && a.matches("\\d{12}"))) {
        return new FanOutItem(id, null, null, null, "body.fanOut.account: not an account id");
      }
      Object time = f.get("time");
      return new FanOutItem(
          id, (String) account, region, time instanceof String t ? Instant.parse(t) : null, null);
    } catch (JsonException | DateTimeParseException e) {
      return new FanOutItem(id, null, null, null, "body: not a fan-out message");
    }
  }

  private static FanOutItem recheck(String id, Map<?, ?> body) {
    try {
      Recheck r = RecheckMessages.parse(body);
      return new FanOutItem(id, r.account(), r.region(), null, r, null);
    } catch (IllegalArgumentException e) {
      return new FanOutItem(id, null, null, null, e.getMessage());
    }
  }
}
