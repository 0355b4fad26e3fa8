package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One scope's turn in the pipeline: observe, plan and (unless dry-run) apply, and again after the
 * plan's {@code recheckAfter} while a transition is under way and the invocation has time. A plan's
 * {@code lookAgain} ends the turn with a deferred look ({@link LaterLooks}).
 */
final class ScopeRunner<S> {
  private final Controller<S> controller;
  private final ActionExecutors executors;
  private final Settings settings;
  private final Clock clock;
  private final Retry.Sleeper sleeper;
  private final Log log;
  private final LaterLooks later;

  ScopeRunner(
      Controller<S> controller,
      ActionExecutors executors,
      Settings settings,
      Clock clock,
      Retry.Sleeper sleeper,
      Log log,
      Rechecks rechecks) {
    this.controller = controller;
    this.executors = executors;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = log;
    this.later = new LaterLooks(rechecks);
  }

  /**
   * Runs the scope; audit events go to {@code events} as changes are made, and a failure worth
   * retrying to {@code retryLater} (the scope goes on with its other actions). The run's {@code
   * ledger} sees every observation and plan.
   */
  void run(
      Scope scope,
      StewardConfig config,
      long deadline,
      Report report,
      Metrics metrics,
      List<AuditEvent> events,
      Consumer<RuntimeException> retryLater,
      RunLedger<S> ledger)
      throws InterruptedException {
    Map<String, Object> context = context(scope);
    // What earlier passes reported: a recheck reports only what is new.
    List<Action> seenPlanned = new ArrayList<>();
    List<Finding> seenFindings = new ArrayList<>();
    List<Outcome> earlier = new ArrayList<>();
    while (true) {
      S observed = ledger.observed(scope, controller.observe(scope, config));
      Plan plan =
          LaterLooks.settled(
              scope,
              ledger.planned(
                  scope,
                  controller.plan(scope, observed, config, clock.instant(), List.copyOf(earlier))));
      plan.metrics().forEach((name, value) -> metrics.add(scope.cluster(), name, value));
      log.debug(
          "observed and planned",
          () ->
              Map.of(
                  "scope", scope.toString(),
                  "observed", String.valueOf(observed),
                  "actions", plan.actions().size(),
                  "findings", plan.findings().size()));
      List<Finding> findingsBefore = List.copyOf(seenFindings);
      List<Action> plannedBefore = List.copyOf(seenPlanned);
      for (Finding f : plan.findings()) {
        if (!findingsBefore.contains(f)) {
          seenFindings.add(f);
          report.finding(scope, f);
          metrics.add(f.detailType().replace(" ", ""), 1);
          events.add(
              new AuditEvent(f.detailType(), arns(f.target()), f.detail()).withContext(context));
        }
      }
      for (Action a : plan.actions()) {
        if (!plannedBefore.contains(a)) {
          seenPlanned.add(a);
          report.planned(scope, a);
          metrics.add(a.mutates() ? "Planned" + a.type() : "Skipped", 1);
          log.info("planned", Map.of("scope", scope.toString(), "action", a));
        }
      }
      if (settings.dryRun()) {
        later.send(scope, plan, report, metrics, retryLater);
        return;
      }
      for (Action a : plan.actions()) {
        if (!a.mutates()) {
          continue;
        }
        Outcome outcome = executors.apply(scope.target(), a, retryLater);
        earlier.add(outcome);
        report.applied(scope, outcome);
        outcome.metricNames().forEach(name -> metrics.add(name, 1));
        log.info("applied", Map.of("scope", scope.toString(), "outcome", outcome));
        for (AuditEvent e : outcome.events()) {
          events.add(e.withContext(context));
        }
      }
      Duration wait = plan.recheckAfter();
      if (wait == null) {
        later.send(scope, plan, report, metrics, retryLater);
        return;
      }
      if (clock.millis() + wait.toMillis() > deadline) {
        report.pending(scope, "a transition is still under way; the next trigger continues it");
        metrics.add("Pending", 1);
        return;
      }
      sleeper.sleep(wait);
    }
  }

  /** What every audit event of the scope carries besides its own detail. */
  private Map<String, Object> context(Scope scope) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("function", controller.name());
    context.put("dryRun", settings.dryRun());
    if (scope.target().accountId() != null) {
      context.put("account", scope.target().accountId());
    }
    context.put("region", scope.target().region());
    if (scope.cluster() != null) {
      context.put("cluster", scope.cluster());
    }
    return context;
  }

  static List<String> arns(String target) {
    return target != null && target.startsWith("arn:") ? List.of(target) : List.of();
  }
}
