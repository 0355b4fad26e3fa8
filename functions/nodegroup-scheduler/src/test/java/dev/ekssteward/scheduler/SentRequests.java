package dev.ekssteward.scheduler;

import dev.ekssteward.shared.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;

/** Keeps what the function really sent: audit events (PutEvents) and scaling updates. */
final class SentRequests implements ExecutionInterceptor {
  record Audit(String detailType, List<String> resources, Map<String, Object> detail) {}

  private final List<Audit> audits = new ArrayList<>();
  private final List<UpdateNodegroupConfigRequest> updates = new ArrayList<>();

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (context.request() instanceof PutEventsRequest put) {
      put.entries()
          .forEach(
              e ->
                  audits.add(
                      new Audit(e.detailType(), e.resources(), Json.parseObject(e.detail()))));
    } else if (context.request() instanceof UpdateNodegroupConfigRequest update) {
      updates.add(update);
    }
  }

  synchronized List<Audit> audits(String detailType) {
    return audits.stream().filter(a -> a.detailType().equals(detailType)).toList();
  }

  synchronized List<Audit> audits() {
    return List.copyOf(audits);
  }

  synchronized List<UpdateNodegroupConfigRequest> updates() {
    return List.copyOf(updates);
  }

  synchronized void clear() {
    audits.clear();
    updates.clear();
  }
}
