package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.request.CallerCheck;
import dev.ekssteward.shared.request.CallerCheck.Proven;
import dev.ekssteward.shared.request.CallerCheck.Refused;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets a Wake or Release request in only with its caller proven (docs/security.md): anything else
 * is refused before the config is read, with a {@code Request Refused} finding and audit event
 * naming the field, and nothing changed. EventBridge tells only the sender's account; the proof
 * names the principal.
 */
final class RequestGate {
  static final String REFUSED = "Request Refused";

  private final CallerCheck check;
  private final String function;
  private final boolean dryRun;

  RequestGate(CallerCheck check, String function, boolean dryRun) {
    this.check = check;
    this.function = function;
    this.dryRun = dryRun;
  }

  /** The request with its caller, or null when it was refused (reported and audited). */
  Trigger.Request admit(
      Trigger.Request request, Report report, List<AuditEvent> events, Metrics metrics) {
    CallerCheck.Verdict verdict = check.check(request.proof());
    if (verdict instanceof Proven p) {
      metrics.add("RequestsProven", 1);
      return request.withCaller(p.caller());
    }
    Refused refused = (Refused) verdict;
    if (refused.retryable()) {
      throw new TransientFailureException(refused.reason(), null);
    }
    metrics.add("RequestsRefused", 1);
    report.status("refused", refused.reason());
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("request", request.kind());
    detail.put("requestId", request.proof().requestId());
    detail.put("senderAccount", request.account());
    detail.put("region", request.region());
    detail.put("reason", refused.reason());
    Finding finding = new Finding(REFUSED, request.kind(), detail);
    report.finding(null, finding);
    events.add(
        new AuditEvent(REFUSED, List.of(), detail)
            .withContext(Map.of("function", function, "dryRun", dryRun)));
    return null;
  }
}
