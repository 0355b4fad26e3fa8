package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.request.CallerCheck;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import java.time.Clock;
import java.util.Set;

/** What the pipeline tests build their pipelines with. */
final class PipelineTestSupport {
  /** The test controllers take no Wake or Release requests, so no proof is ever checked. */
  static final CallerCheck NO_REQUESTS =
      proof -> {
        throw new AssertionError("this pipeline takes no requests, so no proof is checked");
      };

  private PipelineTestSupport() {}

  /** A pipeline on the clients' settings, without fan-out or rechecks. */
  static <S> Pipeline<S> wire(
      Controller<S> controller, Set<Executor<?>> executors, AwsClients clients, Clock clock) {
    return wire(controller, executors, clients, clock, null, null);
  }

  /**
   * A pipeline as a function's component wires it, on the clients' settings: config without checks,
   * audit events to the settings' bus, no waits, and no requests.
   */
  static <S> Pipeline<S> wire(
      Controller<S> controller,
      Set<Executor<?>> executors,
      AwsClients clients,
      Clock clock,
      FanOut fanOut,
      Rechecks rechecks) {
    Settings settings = clients.settings();
    Log log = new Log(controller.name());
    return new Pipeline<>(
        controller,
        new ActionExecutors(executors),
        new ConfigLoader(clients, Set.of(), Clock.systemUTC()),
        new AuditPublisher(() -> clients.eventBridge(clients.home()), settings.auditBus(), log),
        settings,
        clock,
        Waits.none(),
        log,
        fanOut,
        rechecks,
        NO_REQUESTS);
  }
}
