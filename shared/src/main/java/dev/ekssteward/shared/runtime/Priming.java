package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.TriggerParser;
import dev.ekssteward.shared.json.Json;
import java.util.Map;
import java.util.function.Consumer;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Runs the code paths every invocation needs (event and config parsing, JSON, SDK client
 * construction and each service's first request, answered in memory) before they are needed:
 *
 * <ul>
 *   <li>at a cold start, on a second thread started with the handler, so the SDK's class loading
 *       and first-call work overlap the runtime's event deserialisation and the config read;
 *   <li>with SnapStart, before the snapshot, so a restore finds it all loaded and initialised.
 * </ul>
 *
 * It calls no AWS API and resolves no credentials; the warm-up requests go through throw-away
 * clients (closed afterwards) whose HTTP client answers from memory, so nothing unique
 * (credentials, request ids, timestamps) is kept for the snapshot.
 */
public final class Priming implements Resource {
  private static final Map<String, Object> SAMPLE_TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  private final Consumer<Void> warmClients;
  private volatile Thread early;

  private Priming(Consumer<Void> warmClients) {
    this.warmClients = warmClients;
  }

  /** Registers {@code warmClients} (build clients and requests, no calls) for the checkpoint. */
  public static Priming register(Consumer<Void> warmClients) {
    Priming priming = new Priming(warmClients);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  /** Starts {@link #prime} on a daemon thread now (cold start); returns this. */
  public Priming startEarly() {
    Thread thread = new Thread(this::primeQuietly, "steward-warm-up");
    thread.setDaemon(true);
    early = thread;
    thread.start();
    return this;
  }

  /** Waits for the early warm-up, if one was started (the snapshot must not catch it midway). */
  public void awaitEarly() throws InterruptedException {
    Thread thread = early;
    if (thread != null) {
      thread.join();
    }
  }

  /** What the checkpoint runs; public so tests can prove it makes no AWS call. */
  public void prime() {
    StartupMarks.mark("warm-up: start");
    TriggerParser.parse(SAMPLE_TICK);
    Json.write(Json.parse("{\"a\":[1,\"b\",true,null]}"));
    StewardConfig.defaults();
    StartupMarks.mark("warm-up: event, JSON and config code loaded");
    warmClients.accept(null);
    StartupMarks.mark("warm-up: done");
  }

  private void primeQuietly() {
    try {
      prime();
    } catch (RuntimeException e) {
      // A warm-up only: the invocation itself meets and reports any real problem.
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) throws InterruptedException {
    awaitEarly();
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // Nothing to refresh: no credentials or ids were resolved before the snapshot.
  }
}
