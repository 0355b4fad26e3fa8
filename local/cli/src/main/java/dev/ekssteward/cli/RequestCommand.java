package dev.ekssteward.cli;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.request.ProvenRequest;
import dev.ekssteward.shared.request.RequestProof;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * {@code wake} and {@code release}: a Wake or Release Request with a proof of the caller ({@link
 * ProvenRequest}: a presigned STS GetCallerIdentity bound to the request), put on the stack's
 * requests bus, the only way the stack accepts one (docs/nodegroup-scheduler.md#requests). The
 * scheduler handles it asynchronously; its audit events say what it did.
 */
final class RequestCommand {
  private RequestCommand() {}

  static int wake(Args args, Session session, Output output) {
    args.allow(Set.of("nodegroups", "for", "bus", "stack", "dry-run"));
    String cluster = args.operands(1, "one operand: the cluster (wake <cluster>)").get(0);
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("cluster", cluster);
    List<String> groups = args.list("nodegroups");
    if (!groups.isEmpty()) {
      detail.put("nodegroups", groups);
    }
    Duration d = args.duration("for");
    if (d != null) {
      detail.put("minutes", d.toMinutes());
    }
    return send(args, session, output, Contract.WAKE_DETAIL_TYPE, detail);
  }

  static int release(Args args, Session session, Output output) {
    args.allow(Set.of("cluster", "for", "until", "bus", "stack", "dry-run"));
    args.operands(0, "no operands (release [--cluster c] --for 24h | --until <time>)");
    Map<String, Object> detail = new LinkedHashMap<>();
    if (args.option("cluster") != null) {
      detail.put("cluster", args.option("cluster"));
    }
    Duration d = args.duration("for");
    String until = args.option("until");
    if ((d == null) == (until == null)) {
      throw new UsageException("release takes exactly one of --for <hours>h and --until <time>");
    }
    if (d != null) {
      if (d.toMinutesPart() != 0) {
        throw new UsageException(
            "release --for is whole hours (like 24h), was '" + args.option("for") + "'");
      }
      detail.put("hours", d.toHours());
    } else {
      detail.put("until", instant(until).toString());
    }
    return send(args, session, output, Contract.RELEASE_DETAIL_TYPE, detail);
  }

  private static int send(
      Args args, Session session, Output output, String detailType, Map<String, Object> detail) {
    String bus = bus(args);
    String region = session.region(args);
    check(detailType, detail, region, session.clock.instant());
    Map<String, Object> proven;
    try (DefaultCredentialsProvider credentials = DefaultCredentialsProvider.builder().build()) {
      proven =
          ProvenRequest.prove(
              detailType,
              detail,
              credentials.resolveCredentials(),
              region,
              session.settings(args).endpoint(),
              session.clock);
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("bus", bus);
    doc.put("source", Contract.REQUEST_SOURCE);
    doc.put("detailType", detailType);
    doc.put("detail", proven);
    String what = detailType + " " + proven.get(RequestProof.ID_FIELD) + " " + summary(detail);
    if (args.flag("dry-run")) {
      doc.put("sent", false);
      output.document(doc);
      output.line("would put on " + bus + ": " + what);
      output.line(Json.write(proven));
      return Exit.OK;
    }
    EventBridgeClient events = session.clients(args).eventBridge(session.clients(args).home());
    PutEventsResponse response =
        events.putEvents(
            r ->
                r.entries(
                    e ->
                        e.eventBusName(bus)
                            .source(Contract.REQUEST_SOURCE)
                            .detailType(detailType)
                            .detail(Json.write(proven))));
    PutEventsResultEntry entry = response.entries().get(0);
    if (response.failedEntryCount() != null && response.failedEntryCount() > 0) {
      doc.put("sent", false);
      doc.put("error", entry.errorCode() + ": " + entry.errorMessage());
      output.document(doc);
      output.note("refused by EventBridge: " + entry.errorCode() + ": " + entry.errorMessage());
      return Exit.AWS;
    }
    doc.put("sent", true);
    doc.put("eventId", entry.eventId());
    output.document(doc);
    output.line("sent " + what + " to " + bus + " (event " + entry.eventId() + ")");
    output.line(
        "the scheduler handles it within seconds; its audit events name request "
            + proven.get(RequestProof.ID_FIELD));
    return Exit.OK;
  }

  /**
   * Reads the request as the scheduler will read it from the bus (shared's {@link Deliveries}, the
   * functions' own parser), so one it would ignore (a wake longer than a week, more than 100 node
   * groups, an {@code --until} already past) is a usage error here, with its words, instead of an
   * event put on the bus that changes nothing.
   */
  static void check(String detailType, Map<String, Object> detail, String region, Instant now) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "0");
    event.put("id", "local-steward");
    event.put("detail-type", detailType);
    event.put("source", Contract.REQUEST_SOURCE);
    event.put("time", now.toString());
    event.put("region", region);
    event.put("resources", List.of());
    event.put("detail", detail);
    if (Deliveries.read(Json.parseObject(Json.write(event))) instanceof Trigger.Unrecognized u) {
      throw new UsageException("the scheduler would ignore this request: " + u.reason());
    }
  }

  /** --bus, or the bus of --stack ({@code <stack>-requests}, output RequestBusName). */
  static String bus(Args args) {
    String bus = args.option("bus");
    String stack = args.option("stack");
    if ((bus == null) == (stack == null)) {
      throw new UsageException(
          "give the requests bus: --stack <stack name> or --bus <name or ARN> (stack output"
              + " RequestBusName)");
    }
    return bus != null ? bus : stack + "-requests";
  }

  private static String summary(Map<String, Object> detail) {
    StringBuilder s = new StringBuilder();
    detail.forEach(
        (k, v) -> s.append(s.length() == 0 ? "(" : ", ").append(k).append(' ').append(v));
    return s.append(s.length() == 0 ? "" : ")").toString();
  }

  private static Instant instant(String value) {
    try {
      return OffsetDateTime.parse(value.trim()).toInstant();
    } catch (DateTimeParseException e) {
      throw new UsageException(
          "--until must be an ISO-8601 time with offset, like 2026-12-08T18:00:00Z, was '"
              + value
              + "'");
    }
  }
}
