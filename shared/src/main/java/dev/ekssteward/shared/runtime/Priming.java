package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.json.Json;
import java.util.Map;
import java.util.function.Consumer;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs the code paths every invocation needs (event and config parsing, JSON, SDK client
 * construction and each service's first request, answered in memory) before SnapStart's snapshot,
 * so a restore finds them loaded and initialised.
 *
 * <p>Not at a plain cold start: run on a second thread beside the invocation it measured no faster
 * locally (both threads load the same SDK classes at once; see docs/performance.md), and at the
 * template's memory size Lambda gives a function less than one vCPU to overlap it with.
 *
 * <p>It calls no AWS API and resolves no credentials; the warm-up requests go through throw-away
 * clients (closed afterwards) whose HTTP client answers from memory, so nothing unique
 * (credentials, request ids, timestamps) is kept for the snapshot.
 */
public final class Priming implements Resource {
  private static final Map<String, Object> SAMPLE_TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  private final Consumer<Void> warmClients;

  private Priming(Consumer<Void> warmClients) {
    this.warmClients = warmClients;
  }

  /** Registers {@code warmClients} (build clients and requests, no calls) for the checkpoint. */
  public static Priming register(Consumer<Void> warmClients) {
    Priming priming = new Priming(warmClients);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** What the checkpoint runs; public so tests can prove it makes no AWS call. */
  public void prime() {
    StartupMarks.mark("warm-up: start");
    Deliveries.read(SAMPLE_TICK);
    Json.write(Json.parse("{\"a\":[1,\"b\",true,null]}"));
    StewardConfig.defaults();
    StartupMarks.mark("warm-up: event, JSON and config code loaded");
    warmClients.accept(null);
    StartupMarks.mark("warm-up: done");
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: no credentials or ids were resolved before the snapshot.
  }
}
