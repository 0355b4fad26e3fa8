package dev.ekssteward.shared.event;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ParameterChange;
import dev.ekssteward.shared.event.Trigger.ReleaseRequest;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.event.Trigger.WakeRequest;
import dev.ekssteward.shared.request.RequestBinding;
import dev.ekssteward.shared.request.RequestProof;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns an EventBridge delivery ({@link ScheduledEvent}, as {@link Deliveries} or the library's
 * loaders fill it) into a {@link Trigger}. Never throws: anything it cannot use becomes {@link
 * Unrecognized} naming the field.
 */
public final class TriggerParser {
  public static final String WAKE_SOURCE = Contract.REQUEST_SOURCE;
  public static final String WAKE_DETAIL_TYPE = Contract.WAKE_DETAIL_TYPE;
  public static final String RELEASE_DETAIL_TYPE = Contract.RELEASE_DETAIL_TYPE;

  /** The longest pause a release request may ask for: a year. */
  static final int MAX_RELEASE_HOURS = 366 * 24;

  public static final String CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail";
  static final String SCHEDULED_EVENT = "Scheduled Event";

  /** A request id: what a UUID or a ticket number needs, and nothing a log would misread. */
  private static final Pattern REQUEST_ID = Pattern.compile("^[A-Za-z0-9._:-]{1,128}$");

  /** The most node groups one wake request may name. */
  public static final int MAX_NODEGROUPS = 100;

  private TriggerParser() {}

  public static Trigger parse(ScheduledEvent event) {
    try {
      return route(event);
    } catch (BadField e) {
      return new Unrecognized(e.getMessage());
    }
  }

  private static Trigger route(ScheduledEvent event) {
    String detailType = event.getDetailType();
    String source = event.getSource();
    if (detailType == null || source == null) {
      throw new BadField("not an EventBridge event: source and detail-type are required");
    }
    Fields detail = new Fields(event.getDetail(), "detail.");
    Instant time = time(event);
    if (detailType.equals(SCHEDULED_EVENT) && source.equals(Deliveries.SCHEDULER)) {
      return new ScheduleTick(time != null ? time : Instant.now(), "direct");
    }
    if (detailType.equals(SCHEDULED_EVENT) && source.equals("aws.events")) {
      List<String> resources = event.getResources() == null ? List.of() : event.getResources();
      return new ScheduleTick(time, resources.isEmpty() ? null : resources.get(0));
    }
    if (detailType.equals(CLOUDTRAIL_DETAIL_TYPE)) {
      return cloudTrail(event, detail, time);
    }
    if (detailType.equals("Parameter Store Change") && source.equals("aws.ssm")) {
      return new ParameterChange(
          detail.required("name"),
          detail.required("operation"),
          event.getAccount(),
          event.getRegion(),
          time);
    }
    if (detailType.equals(WAKE_DETAIL_TYPE) && source.equals(WAKE_SOURCE)) {
      Long minutes = detail.integer("minutes");
      if (minutes != null && (minutes < 1 || minutes > 7 * 24 * 60)) {
        throw new BadField("detail.minutes: must be between 1 and 10080");
      }
      List<String> nodegroups = detail.strings("nodegroups");
      if (nodegroups != null && nodegroups.size() > MAX_NODEGROUPS) {
        // EKS allows 30 managed node groups per cluster by default: a longer list is no real
        // request, and each name costs calls.
        throw new BadField(
            "detail.nodegroups: at most " + MAX_NODEGROUPS + " names, was " + nodegroups.size());
      }
      String cluster = detail.required("cluster");
      RequestProof proof =
          proof(
              detail,
              RequestBinding.of(
                  WAKE_DETAIL_TYPE, requestId(detail), cluster, nodegroups, minutes, null, null));
      // The proof covers the names as sent; a name given twice is one group to wake.
      return new WakeRequest(
          cluster,
          nodegroups == null ? null : nodegroups.stream().distinct().toList(),
          minutes == null ? null : minutes.intValue(),
          event.getAccount(),
          event.getRegion(),
          proof,
          null,
          time);
    }
    if (detailType.equals(RELEASE_DETAIL_TYPE) && source.equals(WAKE_SOURCE)) {
      return release(event, detail, time);
    }
    return new Unrecognized(
        "unsupported event: source '" + clip(source) + "', detail-type '" + clip(detailType) + "'");
  }

  /** The event's time: as delivered (our reader keeps the text), or the library's DateTime. */
  private static Instant time(ScheduledEvent event) {
    if (event instanceof Delivered d) {
      try {
        return d.timeText() == null ? null : Instant.parse(d.timeText());
      } catch (DateTimeParseException e) {
        throw new BadField("time: must be an ISO-8601 time");
      }
    }
    return event.getTime() == null ? null : Instant.ofEpochMilli(event.getTime().getMillis());
  }

  /**
   * {@code {"until": "2026-12-31T00:00:00Z"}} or {@code {"hours": 24}}, and optionally {@code
   * "cluster"}. An {@code until} that is not after the event's time is refused: the request would
   * restore now and pause nothing, which is never what a sender meant.
   */
  private static Trigger release(ScheduledEvent event, Fields detail, Instant time) {
    Instant until = detail.instant("until");
    Long hours = detail.integer("hours");
    if (until != null && hours != null) {
      throw new BadField("detail: give until or hours, not both");
    }
    if (until == null && hours == null) {
      throw new BadField(
          "detail.until or detail.hours: one is required (until an ISO-8601 time, or hours)");
    }
    if (hours != null && (hours < 1 || hours > MAX_RELEASE_HOURS)) {
      throw new BadField("detail.hours: must be between 1 and " + MAX_RELEASE_HOURS);
    }
    if (until != null && time != null && !until.isAfter(time)) {
      throw new BadField("detail.until: must be after the event's time " + time);
    }
    if (until != null
        && time != null
        && until.isAfter(time.plusSeconds(MAX_RELEASE_HOURS * 3600L))) {
      throw new BadField(
          "detail.until: must be within " + MAX_RELEASE_HOURS + " hours of the event");
    }
    String cluster = detail.string("cluster");
    if (cluster != null && cluster.isBlank()) {
      throw new BadField(
          "detail.cluster: must not be empty (leave it out to release every cluster)");
    }
    RequestProof proof =
        proof(
            detail,
            RequestBinding.of(
                RELEASE_DETAIL_TYPE,
                requestId(detail),
                cluster,
                List.of(),
                null,
                detail.string("until"),
                hours));
    // Hours count from when the request was sent: a retried delivery pauses until the same time.
    if (hours != null && time != null) {
      return new ReleaseRequest(
          time.plusSeconds(hours * 3600),
          null,
          cluster,
          event.getAccount(),
          event.getRegion(),
          proof,
          null);
    }
    return new ReleaseRequest(
        until,
        hours == null ? null : hours.intValue(),
        cluster,
        event.getAccount(),
        event.getRegion(),
        proof,
        null);
  }

  /** The sender's id of the request: optional, but part of the binding when given. */
  private static String requestId(Fields detail) {
    String id = detail.string(RequestProof.ID_FIELD);
    if (id != null && !REQUEST_ID.matcher(id).matches()) {
      throw new BadField(
          "detail." + RequestProof.ID_FIELD + ": 1-128 letters, digits and . _ : - only");
    }
    return id;
  }

  /** The proof as sent (checked by the pipeline, which asks STS), bound to the request. */
  private static RequestProof proof(Fields detail, String binding) {
    return new RequestProof(
        detail.string(RequestProof.FIELD), binding, detail.string(RequestProof.ID_FIELD));
  }

  private static Trigger cloudTrail(ScheduledEvent event, Fields detail, Instant time) {
    Fields who = detail.object("userIdentity");
    Fields session = who.object("sessionContext").object("sessionIssuer");
    CallerIdentity caller =
        new CallerIdentity(
            who.string("type"),
            who.string("arn"),
            who.string("userName"),
            session.string("arn"),
            who.string("invokedBy"),
            stack(
                detail.object("requestParameters").map(), detail.object("responseElements").map()));
    String region = detail.string("awsRegion");
    return new CloudTrailCall(
        detail.required("eventSource"),
        detail.required("eventName"),
        detail.string("eventID"),
        time,
        event.getAccount() != null ? event.getAccount() : who.string("accountId"),
        region != null ? region : event.getRegion(),
        detail.object("requestParameters").map(),
        detail.object("responseElements").map(),
        caller,
        detail.string("userAgent"),
        detail.string("errorCode"));
  }

  /**
   * The stack CloudFormation names in the tags of what it creates: the request's {@code tags}, else
   * the tags of the resource in the response ({@code cluster}, {@code nodegroup}, {@code
   * fargateProfile}). Read leniently: a tag map of another shape names no stack.
   */
  static String stack(Map<String, Object> request, Map<String, Object> response) {
    String fromRequest = stackTag(request.get("tags"));
    if (fromRequest != null) {
      return fromRequest;
    }
    for (Object resource : response.values()) {
      if (resource instanceof Map<?, ?> m && stackTag(m.get("tags")) != null) {
        return stackTag(m.get("tags"));
      }
    }
    return null;
  }

  private static String stackTag(Object tags) {
    return tags instanceof Map<?, ?> m
            && m.get(CallerIdentity.STACK_TAG) instanceof String name
            && !name.isBlank()
        ? name
        : null;
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
      // A finite double below 2^53 first: 1e999999999 would take gigabytes as a long.
      if (v instanceof Number n
          && Math.abs(n.doubleValue()) < 9.0e15
          && n.doubleValue() == Math.rint(n.doubleValue())) {
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
