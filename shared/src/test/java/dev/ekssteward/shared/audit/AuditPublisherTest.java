package dev.ekssteward.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.runtime.Log;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/** Batching and partial-failure handling, with an EventBridge that fails as scripted. */
class AuditPublisherTest {

  /** Fails the entries whose detail-type is in {@code failOnce} the first time it sees them. */
  static final class FlakyBus implements EventBridgeClient {
    // Synchronized: the parallel publisher calls from several threads.
    final List<List<String>> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> failOnce = Collections.synchronizedList(new ArrayList<>());
    boolean down;

    @Override
    public PutEventsResponse putEvents(Consumer<PutEventsRequest.Builder> request) {
      PutEventsRequest r = PutEventsRequest.builder().applyMutation(request).build();
      if (down) {
        throw SdkClientException.create("connection refused");
      }
      requests.add(r.entries().stream().map(PutEventsRequestEntry::detailType).toList());
      List<PutEventsResultEntry> results = new ArrayList<>();
      int failed = 0;
      for (PutEventsRequestEntry e : r.entries()) {
        if (failOnce.remove(e.detailType())) {
          results.add(PutEventsResultEntry.builder().errorCode("InternalFailure").build());
          failed++;
        } else {
          results.add(PutEventsResultEntry.builder().eventId("id-" + e.detailType()).build());
        }
      }
      return PutEventsResponse.builder().entries(results).failedEntryCount(failed).build();
    }

    @Override
    public String serviceName() {
      return "events";
    }

    @Override
    public void close() {}
  }

  private static List<AuditEvent> events(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> new AuditEvent("E" + i, List.of(), Map.of("i", i)))
        .toList();
  }

  @Test
  void sendsBatchesOfAtMostTen() {
    FlakyBus bus = new FlakyBus();

    int undelivered = new AuditPublisher(() -> bus, "audit", new Log("t")).publish(events(23));

    assertThat(undelivered).isZero();
    assertThat(bus.requests).extracting(List::size).containsExactly(10, 10, 3);
  }

  @Test
  void resendsOnlyTheEntriesThatFailed() {
    FlakyBus bus = new FlakyBus();
    bus.failOnce.addAll(List.of("E1", "E4"));

    int undelivered = new AuditPublisher(() -> bus, "audit", new Log("t")).publish(events(5));

    assertThat(undelivered).isZero();
    assertThat(bus.requests)
        .containsExactly(List.of("E0", "E1", "E2", "E3", "E4"), List.of("E1", "E4"));
  }

  @Test
  void anUnreachableBusCountsTheEventsAsUndeliveredWithoutThrowing() {
    FlakyBus bus = new FlakyBus();
    bus.down = true;

    int undelivered = new AuditPublisher(() -> bus, "audit", new Log("t")).publish(events(12));

    assertThat(undelivered).isEqualTo(12);
  }

  @Test
  void noBusConfiguredMeansLogOnly() {
    FlakyBus bus = new FlakyBus();

    int undelivered = new AuditPublisher(() -> bus, null, new Log("t")).publish(events(3));

    assertThat(undelivered).isZero();
    assertThat(bus.requests).isEmpty();
  }

  @Test
  void inParallelEveryBatchIsSentOnceAndFailedEntriesAreResent() {
    FlakyBus bus = new FlakyBus();
    bus.failOnce.addAll(List.of("E3", "E27"));

    int undelivered = new AuditPublisher(() -> bus, "audit", new Log("t"), 4).publish(events(35));

    assertThat(undelivered).isZero();
    assertThat(bus.requests).extracting(List::size).containsExactlyInAnyOrder(10, 10, 10, 5, 1, 1);
    assertThat(bus.requests.stream().flatMap(List::stream).distinct()).hasSize(35);
  }

  @Test
  void inParallelAnUnreachableBusCountsEveryEventAsUndelivered() {
    FlakyBus bus = new FlakyBus();
    bus.down = true;

    int undelivered = new AuditPublisher(() -> bus, "audit", new Log("t"), 4).publish(events(35));

    assertThat(undelivered).isEqualTo(35);
  }
}
