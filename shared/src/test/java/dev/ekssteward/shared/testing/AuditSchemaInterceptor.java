package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/**
 * Checks every audit event any SDK client in a test JVM is about to publish against its schema
 * ({@link AuditSchemas}), so every test that runs a function checks the events it emits, not only
 * the tests that read the trail. Registered for every client by the SDK's global interceptor file
 * ({@code software/amazon/awssdk/global/handlers/execution.interceptors} in the test resources). A
 * mismatch is an {@link AssertionError}, which the functions' code does not catch: the run, and so
 * the test, fails naming the event and the schema. (AuditTap and AuditTrail check what they hand
 * out too, for events published from the publisher's worker threads.)
 */
public final class AuditSchemaInterceptor implements ExecutionInterceptor {
  @Override
  @SuppressWarnings("unchecked")
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (!(context.request() instanceof PutEventsRequest request)) {
      return;
    }
    for (PutEventsRequestEntry e : request.entries()) {
      if (AuditEvent.SOURCE.equals(e.source()) && e.detail() != null) {
        Object detail = Json.parse(e.detail());
        if (detail instanceof Map<?, ?> map) {
          AuditSchemas.check(
              new Delivered(e.detailType(), List.copyOf(e.resources()), (Map<String, Object>) map));
        }
      }
    }
  }
}
