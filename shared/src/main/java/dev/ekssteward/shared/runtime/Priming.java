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
 * SnapStart priming: before the snapshot, run the code paths every invocation needs (event and
 * config parsing, JSON, SDK client construction and request marshalling classes) so they are loaded
 * and initialised in the snapshot. It calls no AWS API and resolves no credentials, so nothing
 * unique (credentials, request ids, timestamps) is captured.
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
    TriggerParser.parse(SAMPLE_TICK);
    Json.write(Json.parse("{\"a\":[1,\"b\",true,null]}"));
    StewardConfig.defaults();
    warmClients.accept(null);
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
