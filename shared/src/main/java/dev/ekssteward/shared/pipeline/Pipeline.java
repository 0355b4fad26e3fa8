package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.event.TriggerParser;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;

/**
 * The one machine every function runs: event → trigger → targets → scopes → observe → plan → apply
 * → report. Dry-run stops after plan. Failures are kept per scope so one bad cluster, account or
 * region never stops the others.
 */
public final class Pipeline<S> {
  /** Stop starting new passes when less than this is left of the invocation. */
  static final long SAFETY_MILLIS = 10_000;

  private final Controller<S> controller;
  private final ConfigLoader configLoader;
  private final AuditPublisher audit;
  private final Settings settings;
  private final Clock clock;
  private final Retry.Sleeper sleeper;
  private final Log log;

  private final FanOut fanOut;

  /** Without fan-out (every tick runs all its targets here). */
  public Pipeline(
      Controller<S> controller,
      ConfigLoader configLoader,
      AuditPublisher audit,
      Settings settings,
      Clock clock,
      Retry.Sleeper sleeper,
      Log log) {
    this(controller, configLoader, audit, settings, clock, sleeper, log, null);
  }

  @Inject
  public Pipeline(
      Controller<S> controller,
      ConfigLoader configLoader,
      AuditPublisher audit,
      Settings settings,
      Clock clock,
      Retry.Sleeper sleeper,
      Log log,
      FanOut fanOut) {
    this.controller = controller;
    this.configLoader = configLoader;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.sleeper = sleeper;
    this.log = log;
    this.fanOut = fanOut;
  }

  /** Loads what every run needs without calling AWS (SnapStart priming). */
  public void prime() {
    configLoader.prime();
    controller.prime();
  }

  public Map<String, Object> run(Map<String, Object> event, Invocation invocation) {
    Trigger trigger = TriggerParser.parse(event);
    if (trigger instanceof FanOutBatch batch) {
      return FanOutBatches.run(batch, invocation, SAFETY_MILLIS, log, this::runItem);
    }
    Run run = runOnce(trigger, null, invocation);
    if (run.transientFailure() != null) {
      throw new TransientFailureException(
          "transient AWS failure; the run will be retried: " + run.transientFailure().getMessage(),
          run.transientFailure());
    }
    return run.reply();
  }

  /** One run's reply, and the first retryable failure it met (or null). */
  record Run(Map<String, Object> reply, RuntimeException transientFailure) {}

  /** One fan-out message: the tick's work in that message's target only. */
  private Run runItem(FanOutItem item, Invocation invocation) {
    return runOnce(new ScheduleTick(item.time(), "fanout"), item, invocation);
  }

  private Run runOnce(Trigger trigger, FanOutItem only, Invocation invocation) {
    Metrics metrics = new Metrics(controller.name(), clock);
    Report report = new Report(controller.name(), settings.dryRun(), Report.describe(trigger));
    List<AuditEvent> events = new ArrayList<>();
    AtomicReference<RuntimeException> transientFailure = new AtomicReference<>();
    try {
      execute(trigger, only, invocation, report, events, transientFailure, metrics);
    } finally {
      int undelivered = audit.publish(events);
      if (undelivered > 0) {
        metrics.add("AuditPublishFailed", undelivered);
      }
      report.metrics(metrics.snapshot());
      metrics.flush();
    }
    Map<String, Object> reply = report.toMap();
    log.info("report", Map.of("status", reply.get("status")));
    return new Run(reply, transientFailure.get());
  }

  private void execute(
      Trigger trigger,
      FanOutItem only,
      Invocation invocation,
      Report report,
      List<AuditEvent> events,
      AtomicReference<RuntimeException> transientFailure,
      Metrics metrics) {
    if (trigger instanceof Unrecognized u) {
      metrics.add("EventsIgnored", 1);
      report.status("ignored", u.reason());
      return;
    }
    StewardConfig config;
    try {
      ConfigLoader.Loaded loaded = configLoader.load();
      config = loaded.config();
      report.configSource(loaded.source());
    } catch (ConfigException e) {
      metrics.add("ConfigInvalid", 1);
      report.status("invalid-config", e.getMessage());
      events.add(
          new AuditEvent(
              "Config Invalid",
              List.of(),
              Map.of(
                  "function", controller.name(),
                  "source", e.source(),
                  "errors", e.errors().stream().map(Object::toString).toList())));
      return;
    }
    String ignore = controller.ignoreReason(trigger, config);
    if (ignore != null) {
      metrics.add("EventsIgnored", 1);
      report.status("ignored", ignore);
      return;
    }
    Targets targets = new Targets(settings.region(), invocation.homeAccount());
    long deadline = clock.millis() + invocation.remainingMillis().getAsLong() - SAFETY_MILLIS;
    List<Scope> scopes = new ArrayList<>();
    List<Target> chosen = controller.targets(trigger, config, targets);
    chosen = FanOut.choose(fanOut, trigger, only, chosen, report, metrics);
    for (Target target : chosen) {
      try {
        scopes.addAll(controller.scopes(trigger, config, target));
      } catch (RuntimeException e) {
        failed(target.toString(), e, report, transientFailure, metrics);
      }
    }
    runScopes(scopes, config, deadline, report, events, transientFailure, metrics);
    Finding summary = controller.summary(trigger, config, metrics.snapshot());
    if (summary != null) {
      report.finding(summary);
      events.add(
          new AuditEvent(summary.detailType(), arns(summary.target()), summary.detail())
              .withContext(Map.of("function", controller.name(), "dryRun", settings.dryRun())));
    }
    if (report.hasErrors()) {
      report.status("partial", "some scopes failed; see errors");
    }
  }

  private void runScopes(
      List<Scope> scopes,
      StewardConfig config,
      long deadline,
      Report report,
      List<AuditEvent> events,
      AtomicReference<RuntimeException> transientFailure,
      Metrics metrics) {
    int threads = Math.max(1, Math.min(controller.concurrency(config), scopes.size()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      // Per scope, filled as changes are made: a later failure in the scope must not drop the
      // audit events of what it already changed.
      List<List<AuditEvent>> scopeEvents = new ArrayList<>();
      for (Scope scope : scopes) {
        List<AuditEvent> sink = java.util.Collections.synchronizedList(new ArrayList<>());
        scopeEvents.add(sink);
        futures.add(
            pool.submit(
                () -> {
                  runScope(scope, config, deadline, report, metrics, sink);
                  return null;
                }));
      }
      for (int i = 0; i < futures.size(); i++) {
        try {
          futures.get(i).get();
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          RuntimeException failure =
              cause instanceof RuntimeException re ? re : new RuntimeException(cause);
          failed(scopes.get(i).toString(), failure, report, transientFailure, metrics);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } finally {
          events.addAll(scopeEvents.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Observe, plan and (unless dry-run) apply one scope, again while a transition is under way. */
  private void runScope(
      Scope scope,
      StewardConfig config,
      long deadline,
      Report report,
      Metrics metrics,
      List<AuditEvent> events)
      throws InterruptedException {
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
    List<Object> seenPlanned = new ArrayList<>();
    List<Finding> seenFindings = new ArrayList<>();
    while (true) {
      S observed = controller.observe(scope, config);
      Plan plan = controller.plan(scope, observed, config, clock.instant());
      plan.metrics().forEach(metrics::add);
      for (Finding f : plan.findings()) {
        if (!seenFindings.contains(f)) {
          seenFindings.add(f);
          report.finding(f);
          metrics.add(f.detailType().replace(" ", ""), 1);
          events.add(
              new AuditEvent(f.detailType(), arns(f.target()), f.detail()).withContext(context));
        }
      }
      for (Action a : plan.actions()) {
        if (!seenPlanned.contains(a)) {
          seenPlanned.add(a);
          report.planned(scope, a);
          metrics.add(a.mutates() ? "Planned" + a.type() : "Skipped", 1);
          log.info("planned", Map.of("scope", scope.toString(), "action", a));
        }
      }
      if (settings.dryRun()) {
        return;
      }
      for (Action a : plan.actions()) {
        if (!a.mutates()) {
          continue;
        }
        Outcome outcome = controller.apply(scope, a, config);
        report.applied(outcome);
        metrics.add(outcome.metricName(), 1);
        log.info("applied", Map.of("scope", scope.toString(), "outcome", outcome));
        for (AuditEvent e : outcome.events()) {
          events.add(e.withContext(context));
        }
      }
      Duration wait = plan.recheckAfter();
      if (wait == null) {
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

  private static List<String> arns(String target) {
    return target != null && target.startsWith("arn:") ? List.of(target) : List.of();
  }

  private void failed(
      String where,
      RuntimeException e,
      Report report,
      AtomicReference<RuntimeException> transientFailure,
      Metrics metrics) {
    boolean retryable = Retry.isRetryable(e);
    report.error(where, e, retryable);
    metrics.add("ScopeErrors", 1);
    log.error(
        "scope failed",
        Map.of("scope", where, "errorType", e.getClass().getSimpleName(), "retryable", retryable));
    if (retryable) {
      transientFailure.compareAndSet(null, e);
    }
  }
}
