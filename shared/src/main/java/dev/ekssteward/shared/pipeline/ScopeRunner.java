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
 * One scope's turn in the pipeline, in two steps so the pipeline can count every scope's plan
 * before anything is applied ({@link ChangeLimit}): observe and plan; then (unless dry-run) apply,
 * and again after the plan's {@code recheckAfter} while a transition is under way and the
 * invocation has time. A plan's {@code lookAgain} ends the turn with a deferred look ({@link
 * LaterLooks}). The run's {@link RunLedger} sees every observation and plan.
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
   * One scope's work between the first plan and the end: what earlier passes reported (a recheck
   * reports only what is new), the outcomes so far, and the plan the next apply carries out.
   */
  static final class Pass {
    final Scope scope;
    final Map<String, Object> context;
    final List<Action> seenPlanned = new ArrayList<>();
    final List<Finding> seenFindings = new ArrayList<>();
    final List<Outcome> earlier = new ArrayList<>();
    Plan plan;

    Pass(Scope scope, Map<String, Object> context) {
      this.scope = scope;
      this.context = context;
    }

    /** The plan of the first pass, which the change limits count. */
    Reach reach() {
      return plan.reach();
    }
  }

  /**
   * Observes and plans the scope once, and reports the plan and its findings (their audit events go
   * to {@code events}); nothing is applied yet, so the pipeline can count every scope's plan first.
   */
  Pass plan(
      Scope scope,
      StewardConfig config,
      Report report,
      Metrics metrics,
      List<AuditEvent> events,
      RunLedger<S> ledger) {
    Pass pass = new Pass(scope, context(scope));
    observeAndPlan(pass, config, report, metrics, events, ledger);
    return pass;
  }

  /**
   * Applies the pass's plan (unless dry-run), then observes, plans and applies again after the
   * plan's {@code recheckAfter} while the invocation has time; a plan's deferred look is sent when
   * the turn ends. Audit events go to {@code events} as changes are made, and a failure worth
   * retrying to {@code retryLater} (the scope goes on with its other actions).
   */
  void apply(
      Pass pass,
      StewardConfig config,
      long deadline,
      Report report,
      Metrics metrics,
      List<AuditEvent> events,
      Consumer<RuntimeException> retryLater,
      RunLedger<S> ledger)
      throws InterruptedException {
    Scope scope = pass.scope;
    while (true) {
      if (settings.dryRun()) {
        later.send(scope, pass.plan, report, metrics, retryLater);
        return;
      }
      applyActions(pass, pass.plan.actions(), report, metrics, events, retryLater);
      Duration wait = pass.plan.recheckAfter();
      if (wait == null) {
        later.send(scope, pass.plan, report, metrics, retryLater);
        return;
      }
      if (clock.millis() + wait.toMillis() > deadline) {
        report.pending(scope, "a transition is still under way; the next trigger continues it");
        metrics.add("Pending", 1);
        return;
      }
      sleeper.sleep(wait);
      observeAndPlan(pass, config, report, metrics, events, ledger);
    }
  }

  private void applyActions(
      Pass pass,
      List<Action> actions,
      Report report,
      Metrics metrics,
      List<AuditEvent> events,
      Consumer<RuntimeException> retryLater) {
    for (Action a : actions) {
      if (!a.mutates()) {
        continue;
      }
      Outcome outcome = executors.apply(pass.scope.target(), a, retryLater);
      pass.earlier.add(outcome);
      report.applied(pass.scope, outcome);
      outcome.metricNames().forEach(name -> metrics.add(name, 1));
      Outcome.log(log, pass.scope, outcome);
      for (AuditEvent e : outcome.events()) {
        events.add(e.withContext(pass.context));
      }
    }
  }

  private void observeAndPlan(
      Pass pass,
      StewardConfig config,
      Report report,
      Metrics metrics,
      List<AuditEvent> events,
      RunLedger<S> ledger) {
    Scope scope = pass.scope;
    S observed = ledger.observed(scope, controller.observe(scope, config));
    Plan plan =
        LaterLooks.settled(
            scope,
            ledger.planned(
                scope,
                controller.plan(
                    scope, observed, config, clock.instant(), List.copyOf(pass.earlier))));
    pass.plan = plan;
    plan.metrics().forEach((name, value) -> metrics.add(scope.cluster(), name, value));
    log.debug(
        "observed and planned",
        () ->
            Map.of(
                "scope", scope.toString(),
                "observed", String.valueOf(observed),
                "actions", plan.actions().size(),
                "findings", plan.findings().size()));
    List<Finding> findingsBefore = List.copyOf(pass.seenFindings);
    List<Action> plannedBefore = List.copyOf(pass.seenPlanned);
    for (Finding f : plan.findings()) {
      if (!findingsBefore.contains(f)) {
        pass.seenFindings.add(f);
        report.finding(scope, f);
        metrics.add(f.detailType().replace(" ", ""), 1);
        events.add(
            new AuditEvent(f.detailType(), arns(f.target()), f.detail()).withContext(pass.context));
      }
    }
    for (Action a : plan.actions()) {
      if (!plannedBefore.contains(a)) {
        pass.seenPlanned.add(a);
        report.planned(scope, a);
        metrics.add(a.mutates() ? "Planned" + a.type() : "Skipped", 1);
        log.info("planned", Map.of("scope", scope.toString(), "action", a));
      }
    }
  }

  private Map<String, Object> context(Scope scope) {
    return context(controller.name(), settings.dryRun(), scope);
  }

  /** What every audit event of the scope carries besides its own detail. */
  static Map<String, Object> context(String function, boolean dryRun, Scope scope) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("function", function);
    context.put("dryRun", dryRun);
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
