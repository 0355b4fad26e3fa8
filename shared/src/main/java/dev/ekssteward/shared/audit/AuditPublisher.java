package dev.ekssteward.shared.audit;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
  private final int parallelism;

  public AuditPublisher(Supplier<EventBridgeClient> client, String bus, Log log) {
    this(client, bus, log, 1);
  }

  /**
   * {@code parallelism}: batches in flight at once. A 1,000-cluster sweep produces hundreds of
   * batches; one at a time they would add seconds of pure round trips at the end of the run.
   */
  public AuditPublisher(Supplier<EventBridgeClient> client, String bus, Log log, int parallelism) {
    this.client = client;
    this.bus = bus;
    this.log = log;
    this.parallelism = Math.max(1, parallelism);
  }

  /** Returns how many events could not be delivered to the bus (and went to the log). */
  public int publish(List<AuditEvent> events) {
    for (AuditEvent e : events) {
      log.info("audit", Map.of("event", e));
    }
    if (events.isEmpty() || bus == null) {
      return 0;
    }
    List<List<AuditEvent>> batches = new ArrayList<>();
    for (int i = 0; i < events.size(); i += BATCH) {
      batches.add(events.subList(i, Math.min(events.size(), i + BATCH)));
    }
    int threads = Math.min(parallelism, batches.size());
    if (threads == 1) {
      return batches.stream().mapToInt(this::send).sum();
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> sent = new ArrayList<>();
      for (List<AuditEvent> batch : batches) {
        sent.add(pool.submit(() -> send(batch)));
      }
      int undelivered = 0;
      for (int i = 0; i < sent.size(); i++) {
        undelivered += outcome(sent.get(i), batches.get(i));
      }
      return undelivered;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Undelivered count of one batch sent in the pool; an unexpected failure loses the batch. */
  private int outcome(Future<Integer> sent, List<AuditEvent> batch) {
    try {
      return sent.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      log.warn("audit batch failed", Map.of("error", e.getCause().getClass().getSimpleName()));
    }
    for (AuditEvent e : batch) {
      log.warn("audit event not delivered", Map.of("event", e, "error", "not sent"));
    }
    return batch.size();
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
