package dev.ekssteward.shared.event;

import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.event.Trigger.WakeRequest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns the handler's input (as the Lambda runtime deserialises it into a Map) into a {@link
 * Trigger}. Never throws: anything it cannot use becomes {@link Unrecognized} naming the field.
 */
public final class TriggerParser {
  public static final String WAKE_SOURCE = "eks-steward.requests";
  public static final String WAKE_DETAIL_TYPE = "Wake Request";
  public static final String CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";

  private TriggerParser() {}

  public static Trigger parse(Map<String, Object> event) {
    try {
      return route(new Fields(event, ""));
    } catch (BadField e) {
      return new Unrecognized(e.getMessage());
    }
  }

  private static Trigger route(Fields event) {
    if (event.isEmpty()) {
      return new Unrecognized("event is empty");
    }
    if (event.raw().containsKey("Records")) {
      return FanOutMessages.parse(event.raw().get("Records"));
    }
    // EventBridge Scheduler (ScheduleV2) delivers only its Input; ours is {"trigger":"schedule"}.
    String direct = event.string("trigger");
    if (direct != null) {
      if (direct.equals("schedule")) {
        return new ScheduleTick(Instant.now(), "direct");
      }
      throw new BadField("trigger: unknown value '" + clip(direct) + "'");
    }
    String detailType = event.string("detail-type");
    String source = event.string("source");
    if (detailType == null || source == null) {
      throw new BadField("not an EventBridge event: source and detail-type are required");
    }
    Fields detail = event.object("detail");
    Instant time = event.instant("time");
    if (detailType.equals("Scheduled Event") && source.equals("aws.events")) {
      List<String> resources = event.strings("resources");
      return new ScheduleTick(time, resources.isEmpty() ? null : resources.get(0));
    }
    if (detailType.equals(CLOUDTRAIL_DETAIL_TYPE)) {
      return cloudTrail(event, detail, time);
    }
    if (detailType.equals("Parameter Store Change") && source.equals("aws.ssm")) {
      return new ParameterChange(
          detail.required("name"),
          detail.required("operation"),
          event.string("account"),
          event.string("region"),
          time);
    }
    if (detailType.equals(WAKE_DETAIL_TYPE) && source.equals(WAKE_SOURCE)) {
      Long minutes = detail.integer("minutes");
      if (minutes != null && (minutes < 1 || minutes > 7 * 24 * 60)) {
        throw new BadField("detail.minutes: must be between 1 and 10080");
      }
      return new WakeRequest(
          detail.required("cluster"),
          detail.strings("nodegroups"),
          minutes == null ? null : minutes.intValue(),
          event.string("account"),
          event.string("region"));
    }
    return new Unrecognized(
        "unsupported event: source '" + clip(source) + "', detail-type '" + clip(detailType) + "'");
  }

  private static Trigger cloudTrail(Fields event, Fields detail, Instant time) {
    Fields who = detail.object("userIdentity");
    Fields session = who.object("sessionContext").object("sessionIssuer");
    CallerIdentity caller =
        new CallerIdentity(
            who.string("type"),
            who.string("arn"),
            who.string("userName"),
            session.string("arn"),
            who.string("invokedBy"));
    String region = detail.string("awsRegion");
    return new CloudTrailCall(
        detail.required("eventSource"),
        detail.required("eventName"),
        detail.string("eventID"),
        time,
        event.string("account") != null ? event.string("account") : who.string("accountId"),
        region != null ? region : event.string("region"),
        detail.object("requestParameters").map(),
        detail.object("responseElements").map(),
        caller,
        detail.string("userAgent"),
        detail.string("errorCode"));
  }

  static String clip(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "…";
  }

  /** Typed access to one JSON object, naming the path of any field with the wrong type. */
  private record Fields(Map<String, Object> raw, String path) {
    boolean isEmpty() {
      return raw == null || raw.isEmpty();
    }

    Map<String, Object> map() {
      return raw == null ? Map.of() : raw;
    }

    String string(String field) {
      Object v = raw == null ? null : raw.get(field);
      if (v == null || v instanceof String) {
        return (String) v;
      }
      throw new BadField(path + field + ": must be a string");
    }

    String required(String field) {
      String v = string(field);
      if (v == null || v.isBlank()) {
        throw new BadField(path + field + ": is required");
      }
      return v;
    }

    Long integer(String field) {
      Object v = raw == null ? null : raw.get(field);
      if (v == null) {
        return null;
      }
      if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return n.longValue();
      }
      throw new BadField(path + field + ": must be a whole number");
    }

    Instant instant(String field) {
      String v = string(field);
      try {
        return v == null ? null : Instant.parse(v);
      } catch (DateTimeParseException e) {
        throw new BadField(path + field + ": must be an ISO-8601 time");
      }
    }

    @SuppressWarnings("unchecked")
    Fields object(String field) {
      Object v = raw == null ? null : raw.get(field);
      if (v == null || v instanceof Map) {
        return new Fields((Map<String, Object>) v, path + field + ".");
      }
      throw new BadField(path + field + ": must be an object");
    }

    List<String> strings(String field) {
      Object v = raw == null ? null : raw.get(field);
      if (v == null) {
        return List.of();
      }
      if (!(v instanceof List<?> list)) {
        throw new BadField(path + field + ": must be an array of strings");
      }
      List<String> out = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new BadField(path + field + ": must be an array of strings");
        }
        out.add(s);
      }
      return List.copyOf(out);
    }
  }

  private static final class BadField extends RuntimeException {
    BadField(String message) {
      super(message, null, false, false);
    }
  }
}
