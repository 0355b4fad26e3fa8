package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * One round of a run's scopes, on a pool as wide as the function's concurrency: every scope
 * observes and plans first; a counted round's first plans are then held to the change limits
 * ({@code limits}); only a round within them applies (recheck passes and deferred looks of an
 * applied scope go on as they must). A round the limits stop applies nothing.
 */
final class ScopeRounds<S> {
  /** The finding (and audit event) of a scope whose apply was not started for lack of time. */
  static final String SCOPE_DEFERRED = "Scope Deferred";

  private final Controller<S> controller;
  private final ScopeRunner<S> scopeRunner;
  private final Settings settings;
  private final Log log;

  ScopeRounds(Controller<S> controller, ScopeRunner<S> scopeRunner, Settings settings, Log log) {
    this.controller = controller;
    this.scopeRunner = scopeRunner;
    this.settings = settings;
    this.log = log;
  }

  /** What one run hands every round: where its results go. */
  record Run(
      StewardConfig config,
      long deadline,
      Report report,
      List<AuditEvent> events,
      AtomicReference<RuntimeException> transientFailure,
      Metrics metrics,
      RunLedger<?> ledger,
      BiConsumer<String, RuntimeException> failed,
      RunAudit audit,
      ScopeBudget budget) {}

  /**
   * Runs {@code scopes}; {@code counted}: the round's plans are held to the change limits (a
   * ledger's second round re-plans changes its first round counted already). True when the limits
   * stopped the round.
   */
  @SuppressWarnings("unchecked")
  boolean run(List<Scope> scopes, Run run, boolean counted) {
    RunLedger<S> ledger = (RunLedger<S>) run.ledger();
    int threads =
        Math.max(
            1,
            Math.min(
                controller.declaration().concurrency().applyAsInt(run.config()), scopes.size()));
    ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    ParallelScopes parallel = new ParallelScopes(pool, scopes, run.failed());
    // Per scope, filled as findings are made and changes applied: a later failure in the scope must
    // not drop the audit events of what it already changed.
    List<List<AuditEvent>> sinks = new ArrayList<>();
    scopes.forEach(s -> sinks.add(Collections.synchronizedList(new ArrayList<>())));
    try {
      List<ScopeRunner.Pass> passes =
          parallel.run(
              i ->
                  scopeRunner.plan(
                      scopes.get(i),
                      run.config(),
                      run.report(),
                      run.metrics(),
                      sinks.get(i),
                      ledger));
      ChangeLimit.Verdict verdict = counted ? verdict(passes, run.config()) : null;
      boolean stopped = verdict != null && !verdict.allowed();
      if (stopped) {
        limitExceeded(verdict, run);
      }
      // The limit's event goes out before any scope's changes.
      run.audit().drain(run.events());
      parallel.run(
          i -> {
            try {
              applyOne(passes.get(i), stopped, run, ledger, sinks.get(i));
            } finally {
              // Published as soon as the scope is done (or failed): a timeout later in the run
              // must not lose what this scope changed.
              run.audit().drain(sinks.get(i));
            }
            return null;
          });
      return stopped;
    } finally {
      pool.shutdownNow();
      sinks.forEach(run.events()::addAll);
    }
  }

  /**
   * One scope's apply (none when the limits stopped the round), unless too little of the invocation
   * is left to finish it: then it is deferred.
   */
  private void applyOne(
      ScopeRunner.Pass pass, boolean stopped, Run run, RunLedger<S> ledger, List<AuditEvent> sink)
      throws InterruptedException {
    if (pass == null || stopped) {
      return;
    }
    if (!run.budget().mayStart()) {
      deferred(pass.scope, run, sink);
      return;
    }
    long start = System.nanoTime();
    try {
      scopeRunner.apply(
          pass,
          run.config(),
          run.deadline(),
          run.report(),
          run.metrics(),
          sink,
          retryLater(run),
          ledger);
    } finally {
      run.budget().took((System.nanoTime() - start) / 1_000_000);
    }
  }

  /**
   * Reported (pending, the {@code Scope Deferred} finding and its metric) and not applied; the
   * pipeline makes sure a later run picks it up.
   */
  private void deferred(Scope scope, Run run, List<AuditEvent> sink) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("scope", scope.toString());
    detail.put("remainingMillis", run.budget().left() + Pipeline.SAFETY_MILLIS);
    detail.put("neededMillis", run.budget().needed() + Pipeline.SAFETY_MILLIS);
    detail.put(
        "reason", "too little of the invocation was left to apply this scope; a later run does");
    Finding finding = new Finding(SCOPE_DEFERRED, null, detail);
    run.report().finding(scope, finding);
    run.report().pending(scope, "deferred: too little time left in this invocation");
    run.metrics().add(SCOPE_DEFERRED.replace(" ", ""), 1);
    sink.add(
        new AuditEvent(SCOPE_DEFERRED, List.of(), detail)
            .withContext(ScopeRunner.context(controller.name(), settings.dryRun(), scope)));
    log.warn("scope deferred", detail);
  }

  private static ChangeLimit.Verdict verdict(List<ScopeRunner.Pass> passes, StewardConfig config) {
    Reach reach =
        passes.stream()
            .filter(Objects::nonNull)
            .map(ScopeRunner.Pass::reach)
            .reduce(Reach.NONE, Reach::plus);
    return ChangeLimit.check(reach, config.limits());
  }

  private static java.util.function.Consumer<RuntimeException> retryLater(Run run) {
    return e -> run.transientFailure().compareAndSet(null, e);
  }

  /**
   * Reported, counted (its alarm) and published; dry-run or not, since it says what would happen.
   */
  private void limitExceeded(ChangeLimit.Verdict verdict, Run run) {
    run.report().status(ChangeLimit.STATUS, verdict.reason());
    run.report().limits(verdict.detail());
    run.metrics().add(ChangeLimit.METRIC, 1);
    log.error("change limit exceeded", verdict.detail());
    run.events()
        .add(
            new AuditEvent(ChangeLimit.EXCEEDED, List.of(), verdict.detail())
                .withContext(Map.of("function", controller.name(), "dryRun", settings.dryRun())));
  }
}
