package dev.ekssteward.shared.audit;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes audit events with PutEvents in batches of at most 10, resending the entries that
 * failed. Never fails the run: what cannot be delivered is written to the log instead.
 */
public final class AuditPublisher {
  static final int BATCH = 10;
  static final int ATTEMPTS = 3;

  private final Supplier<EventBridgeClient> client;
  private final String bus;
  private final Log log;

  public AuditPublisher(Supplier<EventBridgeClient> client, String bus, Log log) {
    this.client = client;
    this.bus = bus;
    this.log = log;
  }

  /** Returns how many events could not be delivered to the bus (and went to the log). */
  public int publish(List<AuditEvent> events) {
    for (AuditEvent e : events) {
      log.info("audit", Map.of("event", e));
    }
    if (events.isEmpty() || bus == null) {
      return 0;
    }
    int undelivered = 0;
    for (int i = 0; i < events.size(); i += BATCH) {
      undelivered += send(events.subList(i, Math.min(events.size(), i + BATCH)));
    }
    return undelivered;
  }

  private int send(List<AuditEvent> batch) {
    List<AuditEvent> pending = new ArrayList<>(batch);
    String lastError = null;
    for (int attempt = 1; attempt <= ATTEMPTS && !pending.isEmpty(); attempt++) {
      try {
        PutEventsResponse response =
            client.get().putEvents(r -> r.entries(pending.stream().map(this::entry).toList()));
        List<AuditEvent> failed = new ArrayList<>();
        List<PutEventsResultEntry> results = response.entries();
        for (int i = 0; i < pending.size(); i++) {
          PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
          if (result == null || result.errorCode() != null) {
            failed.add(pending.get(i));
            lastError = result == null ? "no result entry" : result.errorCode();
          }
        }
        pending.clear();
        pending.addAll(failed);
      } catch (SdkException e) {
        lastError = e.getClass().getSimpleName();
      }
    }
    for (AuditEvent e : pending) {
      log.warn("audit event not delivered", Map.of("event", e, "error", String.valueOf(lastError)));
    }
    return pending.size();
  }

  private PutEventsRequestEntry entry(AuditEvent e) {
    return PutEventsRequestEntry.builder()
        .eventBusName(bus)
        .source(AuditEvent.SOURCE)
        .detailType(e.detailType())
        .resources(e.resources())
        .detail(Json.write(e.detail()))
        .build();
  }
}
