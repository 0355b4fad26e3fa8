package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;

/** Keeps the audit events the function sends with PutEvents, so tests can read their payloads. */
final class AuditCapture implements ExecutionInterceptor {
  /** One audit event as sent. */
  record Sent(String detailType, List<String> resources, Map<String, Object> detail) {}

  private final List<Sent> sent = new ArrayList<>();

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof PutEventsRequest r) {
      for (PutEventsRequestEntry e : r.entries()) {
        sent.add(new Sent(e.detailType(), e.resources(), Json.parseObject(e.detail())));
      }
    }
  }

  synchronized List<Sent> ofType(String detailType) {
    return sent.stream().filter(s -> s.detailType().equals(detailType)).toList();
  }
}
