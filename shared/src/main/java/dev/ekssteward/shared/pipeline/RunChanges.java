package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A run's own changes (a {@link RunLedger}'s): planned and reported as a scope's are, then applied
 * by their executors unless dry-run, with their audit events.
 */
final class RunChanges {
  private final String function;
  private final ActionExecutors executors;
  private final Settings settings;
  private final Log log;

  RunChanges(String function, ActionExecutors executors, Settings settings, Log log) {
    this.function = function;
    this.executors = executors;
    this.settings = settings;
    this.log = log;
  }

  /** The outcomes of the changes applied (none in dry-run). */
  List<Outcome> apply(
      Scope scope,
      List<Action> actions,
      Report report,
      Metrics metrics,
      List<AuditEvent> events,
      Consumer<RuntimeException> retryLater) {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("function", function);
    context.put("dryRun", settings.dryRun());
    List<Outcome> outcomes = new ArrayList<>();
    for (Action a : actions) {
      report.planned(scope, a);
      metrics.add(a.mutates() ? "Planned" + a.type() : "Skipped", 1);
      log.info("planned", Map.of("scope", scope.toString(), "action", a));
      if (settings.dryRun() || !a.mutates()) {
        continue;
      }
      Outcome outcome = executors.apply(scope.target(), a, retryLater);
      outcomes.add(outcome);
      report.applied(scope, outcome);
      outcome.metricNames().forEach(name -> metrics.add(name, 1));
      Outcome.log(log, scope, outcome);
      outcome.events().forEach(e -> events.add(e.withContext(context)));
    }
    return outcomes;
  }
}
