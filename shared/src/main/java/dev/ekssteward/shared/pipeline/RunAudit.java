package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.event.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One run's audit trail as it goes: each scope's events are published when that scope's apply ends
 * (batched PutEvents, at most 10 entries a call), the run's own ones when the run reaches them, so
 * a Lambda timeout or crash later in the run loses none of what was already done. Every event gets
 * the run's id and the next number of the run ({@code changeId}), whenever it goes.
 */
final class RunAudit {
  private final AuditPublisher publisher;
  private final String runId;
  private final String attempt;
  private int seq;
  private int undelivered;
  private Map<String, Object> context;

  /** {@code attempt}: when this attempt of the request started, in epoch milliseconds. */
  RunAudit(AuditPublisher publisher, String runId, long attempt) {
    this.publisher = publisher;
    this.runId = runId;
    this.attempt = Long.toString(attempt);
  }

  /** Every event of a proven request's run names who asked: {@code request.caller}, its account. */
  synchronized void requestedBy(Trigger.Request proven) {
    context =
        proven == null || proven.caller() == null
            ? null
            : Map.of("request", proven.caller().toDetail());
  }

  /** Publishes what {@code sink} holds and empties it (scopes fill their sinks concurrently). */
  void drain(List<AuditEvent> sink) {
    List<AuditEvent> taken;
    synchronized (sink) {
      taken = new ArrayList<>(sink);
      sink.clear();
    }
    if (taken.isEmpty()) {
      return;
    }
    List<AuditEvent> numbered = new ArrayList<>(taken.size());
    synchronized (this) {
      for (AuditEvent e : taken) {
        numbered.add(
            (context == null ? e : e.withContext(context)).identified(runId, attempt, ++seq));
      }
    }
    int lost = publisher.publish(numbered);
    synchronized (this) {
      undelivered += lost;
    }
  }

  /** Events that could not be delivered to the bus so far (they went to the log). */
  synchronized int undelivered() {
    return undelivered;
  }
}
