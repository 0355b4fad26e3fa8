package dev.ekssteward.shared.event;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a handler input (already parsed from JSON by our reader) into the types of {@code
 * aws-lambda-java-events}: {@link SQSEvent} for the fan-out queue, {@link ScheduledEvent} for every
 * EventBridge delivery (schedule, CloudTrail, Parameter Store, requests), and for EventBridge
 * Scheduler's {@code {"trigger":"schedule"}} input. Fields of the wrong type are named, never
 * thrown: the result is then {@link Unrecognized}.
 */
public final class Deliveries {
  /** Source of the ScheduledEvent a {@code {"trigger":"schedule"}} input stands for. */
  static final String SCHEDULER = "aws.scheduler";

  private Deliveries() {}

  /** The trigger a handler input stands for. */
  public static Trigger read(Map<String, Object> json) {
    if (json == null || json.isEmpty()) {
      return new Unrecognized("event is empty");
    }
    try {
      if (json.containsKey("Records")) {
        return FanOutMessages.parse(sqs(json.get("Records")));
      }
      return TriggerParser.parse(scheduled(json));
    } catch (BadField e) {
      return new Unrecognized(e.getMessage());
    }
  }

  /** The EventBridge envelope, typed; EventBridge Scheduler's direct input as a schedule event. */
  static ScheduledEvent scheduled(Map<String, Object> json) {
    Object direct = json.get("trigger");
    if (direct != null) {
      if (!"schedule".equals(direct)) {
        throw new BadField(
            "trigger: unknown value '" + TriggerParser.clip(String.valueOf(direct)) + "'");
      }
      Delivered e = new Delivered(null);
      e.setSource(SCHEDULER);
      e.setDetailType(TriggerParser.SCHEDULED_EVENT);
      e.setResources(List.of("direct"));
      e.setDetail(Map.of());
      return e;
    }
    Delivered e = new Delivered(string(json, "time"));
    e.setVersion(string(json, "version"));
    e.setId(string(json, "id"));
    e.setDetailType(string(json, "detail-type"));
    e.setSource(string(json, "source"));
    e.setAccount(string(json, "account"));
    e.setRegion(string(json, "region"));
    e.setResources(strings(json, "resources"));
    e.setDetail(object(json, "detail"));
    return e;
  }

  /** SQS's {@code Records}; only the fields the fan-out reads are kept. */
  static SQSEvent sqs(Object records) {
    if (!(records instanceof List<?> list)) {
      throw new BadField("Records: must be a non-empty array");
    }
    List<SQSMessage> messages = new ArrayList<>();
    for (Object r : list) {
      if (!(r instanceof Map<?, ?> record)) {
        throw new BadField("Records: only SQS records (eventSource aws:sqs) are supported");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) record;
      SQSMessage m = new SQSMessage();
      m.setMessageId(string(fields, "messageId", "Records[]."));
      m.setEventSource(string(fields, "eventSource", "Records[]."));
      m.setBody(string(fields, "body", "Records[]."));
      m.setEventSourceArn(string(fields, "eventSourceARN", "Records[]."));
      m.setAwsRegion(string(fields, "awsRegion", "Records[]."));
      messages.add(m);
    }
    SQSEvent event = new SQSEvent();
    event.setRecords(messages);
    return event;
  }

  private static String string(Map<String, Object> json, String field) {
    return string(json, field, "");
  }

  private static String string(Map<String, Object> json, String field, String path) {
    Object v = json.get(field);
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new BadField(path + field + ": must be a string");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> json, String field) {
    Object v = json.get(field);
    if (v == null || v instanceof Map) {
      return (Map<String, Object>) v;
    }
    throw new BadField(field + ": must be an object");
  }

  private static List<String> strings(Map<String, Object> json, String field) {
    Object v = json.get(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new BadField(field + ": must be an array of strings");
    }
    return list.stream().map(String.class::cast).toList();
  }

  /** A field of the wrong type; its message names the field. */
  static final class BadField extends RuntimeException {
    BadField(String message) {
      super(message, null, false, false);
    }
  }
}
