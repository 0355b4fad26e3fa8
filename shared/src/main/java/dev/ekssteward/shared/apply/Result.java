package dev.ekssteward.shared.apply;

import dev.ekssteward.shared.audit.AuditEvent;
import java.util.List;
import java.util.function.Function;

/**
 * What AWS answered to one mutating call, in the same few words for every function. Ports answer
 * with it; executors compose it and attach the audit events of what they changed. A failure worth
 * retrying (throttling, 5xx, network, after the SDK's own retries) is not a result: it is thrown.
 */
public sealed interface Result {
  /**
   * The call did what was asked.
   *
   * @param value what the call returned that the caller needs (a created resource's ARN), or null
   * @param events the audit events of the change (executors add them)
   * @param note something the user should know although it worked, or null
   */
  record Done(String value, List<AuditEvent> events, String note) implements Result {
    public Done {
      events = List.copyOf(events);
    }
  }

  /** AWS already was as wanted (someone else made the same change meanwhile): nothing to do. */
  record Unchanged(String why) implements Result {}

  /** 409: the resource is busy with another change; nothing changed, a later pass retries. */
  record Busy(String message) implements Result {}

  /** The resource (or its parent) does not exist (any more). */
  record NotFound(String message) implements Result {}

  /** AWS refused the request (validation, quota, permission); retrying will not help. */
  record Refused(String message) implements Result {}

  static Result done() {
    return new Done(null, List.of(), null);
  }

  static Result done(String value) {
    return new Done(value, List.of(), null);
  }

  /** Done, with the audit events of the change. */
  static Result done(AuditEvent... events) {
    return new Done(null, List.of(events), null);
  }

  /** What the answer says, for a message: the note, why, or AWS's message. */
  default String text() {
    if (this instanceof Done d) {
      return d.note() == null ? "done" : d.note();
    }
    if (this instanceof Unchanged u) {
      return u.why();
    }
    if (this instanceof Busy b) {
      return "busy (409): " + b.message();
    }
    if (this instanceof NotFound n) {
      return "not found: " + n.message();
    }
    return ((Refused) this).message();
  }

  /** When this is Done, what {@code next} makes of it; any other answer as it is. */
  default Result then(Function<Done, Result> next) {
    return this instanceof Done d ? next.apply(d) : this;
  }
}
