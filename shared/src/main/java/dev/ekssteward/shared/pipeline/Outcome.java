package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.json.JsonValue;
import dev.ekssteward.shared.runtime.Log;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What applying one action did. {@code APPLIED} outcomes carry the audit events of the change;
 * {@code NOOP} means there was nothing to do (AWS was already as wanted, or the resource is gone);
 * {@code DEFERRED} means AWS was busy with the resource (409) and a later pass retries.
 */
public record Outcome(Action action, Status status, String message, List<AuditEvent> events)
    implements JsonValue {

  public enum Status {
    APPLIED,
    NOOP,
    DEFERRED,
    FAILED
  }

  public Outcome {
    events = List.copyOf(events);
  }

  public static Outcome applied(Action action, AuditEvent... events) {
    return new Outcome(action, Status.APPLIED, null, List.of(events));
  }

  public static Outcome noop(Action action, String why) {
    return new Outcome(action, Status.NOOP, why, List.of());
  }

  public static Outcome failed(Action action, String why) {
    return new Outcome(action, Status.FAILED, why, List.of());
  }

  /** The EMF metric this outcome counts in: AppliedScaleDown, Noop, FailedTagResource, ... */
  public String metricName() {
    return switch (status) {
      case APPLIED -> "Applied" + action.type();
      case NOOP -> "Noop";
      case DEFERRED -> "Deferred";
      case FAILED -> "Failed" + action.type();
    };
  }

  /**
   * Every metric this outcome counts in: {@link #metricName()}, for a change made or failed the
   * function's total, {@code ChangesApplied} or {@code ChangesFailed} (what the dashboard shows per
   * function, whatever the action types), and the action's own ({@link Action#outcomeMetrics}).
   */
  public List<String> metricNames() {
    List<String> names =
        switch (status) {
          case APPLIED -> List.of(metricName(), "ChangesApplied");
          case FAILED -> List.of(metricName(), "ChangesFailed");
          default -> List.of(metricName());
        };
    List<String> own = action.outcomeMetrics(status);
    return own.isEmpty() ? names : Stream.concat(names.stream(), own.stream()).toList();
  }

  /**
   * The log line of an applied action: WARN when it failed, so a refused change still shows in a
   * log kept at {@code LogLevel} WARN, and not only in the report.
   */
  static void log(Log log, Scope scope, Outcome outcome) {
    Map<String, Object> fields = Map.of("scope", scope.toString(), "outcome", outcome);
    if (outcome.status == Status.FAILED) {
      log.warn("change failed", fields);
    } else {
      log.info("applied", fields);
    }
  }

  @Override
  public Object toJson() {
    @SuppressWarnings("unchecked")
    Map<String, Object> json = new LinkedHashMap<>((Map<String, Object>) action.toJson());
    json.put("result", status.name().toLowerCase(java.util.Locale.ROOT));
    if (message != null) {
      json.put("message", message);
    }
    return json;
  }
}
