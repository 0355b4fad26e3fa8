package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

/**
 * The audit events the bus accepted, taken from the function's own PutEvents calls and answers
 * (entries without an error code). Equivalent to {@link AuditTrail} for counting, and much faster:
 * moto delivers each event to an SQS target in ~0.1 s, which the crash matrix would pay thousands
 * of times. The bus must exist ({@link #createBus}).
 */
public final class AuditTap implements ExecutionInterceptor {
  private final List<Delivered> delivered = new ArrayList<>();

  /** Creates the audit bus unless the scenario's seed already did. */
  public static void createBus(LocalAws aws) {
    aws.seeder().seed(FleetSeed.fleet().auditBus(AuditTrail.BUS));
  }

  @Override
  @SuppressWarnings("unchecked")
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof PutEventsRequest request)
        || !(context.response() instanceof PutEventsResponse response)) {
      return;
    }
    for (int i = 0; i < request.entries().size(); i++) {
      PutEventsRequestEntry e = request.entries().get(i);
      boolean accepted =
          i < response.entries().size() && response.entries().get(i).errorCode() == null;
      if (accepted && AuditEvent.SOURCE.equals(e.source())) {
        synchronized (this) {
          delivered.add(
              new Delivered(
                  e.detailType(),
                  List.copyOf(e.resources()),
                  (Map<String, Object>) Json.parse(e.detail())));
        }
      }
    }
  }

  /**
   * Every event accepted since the last call, in order, each checked against its schema ({@link
   * AuditSchemas}).
   */
  public synchronized List<Delivered> drain() {
    List<Delivered> out = new ArrayList<>(delivered);
    delivered.clear();
    return AuditSchemas.checked(out);
  }
}
