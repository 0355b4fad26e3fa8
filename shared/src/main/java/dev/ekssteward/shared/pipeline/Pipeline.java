package dev.ekssteward.shared.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Routing.Go;
import dev.ekssteward.shared.event.Routing.Ignore;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StartupMarks;
import dev.ekssteward.shared.runtime.Waits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;

/**
 * The one machine every function runs: trigger → route → targets → scopes → observe → plan → apply
 * → report. Every scope plans before any applies, so the change limits see the whole run. Dry-run
 * stops after plan. Failures are kept per scope so one bad cluster, account or region never stops
 * the others.
 */
public final class Pipeline<S> {
  /** Stop starting new passes when less than this is left of the invocation. */
  static final long SAFETY_MILLIS = 10_000;

  private final Controller<S> controller;
  private final ConfigLoader configLoader;
  private final AuditPublisher audit;
  private final Settings settings;
  private final Clock clock;
  private final Log log;

  private final Routing routing;
  private final FanOutRouting fanOut;
  private final ScopeRunner<S> scopeRunner;

  /** {@code fanOut} null: every tick runs all its targets in this invocation. */
  @Inject
  public Pipeline(
      Controller<S> controller,
      ActionExecutors executors,
      ConfigLoader configLoader,
      AuditPublisher audit,
      Settings settings,
      Clock clock,
      Waits waits,
      Log log,
      FanOut fanOut) {
    this.controller = controller;
    this.configLoader = configLoader;
    this.audit = audit;
    this.settings = settings;
    this.clock = clock;
    this.log = log;
    this.routing =
        new Routing(
            controller.name(),
            controller.declaration().triggers(),
            settings.configPrefix(),
            settings.selfRoleArn());
    this.fanOut = new FanOutRouting(fanOut, log);
    this.scopeRunner =
        new ScopeRunner<>(controller, executors, settings, clock, waits.sleeper(), log);
  }

  /** Loads what every run needs without calling AWS (SnapStart priming). */
  public void prime() {
    configLoader.prime();
    controller.prime();
  }

  /**
   * One handler input as our JSON reader parsed it ({@link Deliveries} types it): the report, or
   * for fan-out messages SQS's partial batch response {@code {"batchItemFailures": [...]}}.
   */
  public Map<String, Object> run(Map<String, Object> event, Invocation invocation) {
    Trigger trigger = Deliveries.read(event);
    if (trigger instanceof FanOutBatch batch) {
      return FanOutBatches.json(run(batch, invocation));
    }
    return run(trigger, invocation);
  }

  /**
   * The partial batch response to fan-out messages: every message whose run met a retryable
   * failure, or could not start, is returned to the queue.
   */
  public SQSBatchResponse run(FanOutBatch batch, Invocation invocation) {
    return fanOut.runBatch(batch, invocation, SAFETY_MILLIS, this::runOnce);
  }

  /** The report of one trigger; throws after the work when a failure is worth a Lambda retry. */
  public Map<String, Object> run(Trigger trigger, Invocation invocation) {
    Run run = runOnce(trigger, null, invocation);
    if (run.transientFailure() != null) {
      throw new TransientFailureException(
          "transient AWS failure; the run will be retried: " + run.transientFailure().getMessage(),
          run.transientFailure());
    }
    return run.reply();
  }

  /** The report for an event that could not be read at all: ignored, with the reason. */
  public Map<String, Object> ignore(String reason, Invocation invocation) {
    return runOnce(new Unrecognized(reason), null, invocation).reply();
  }

  /** One run's reply, and the first retryable failure it met (or null). */
  record Run(Map<String, Object> reply, RuntimeException transientFailure) {}

  private Run runOnce(Trigger trigger, FanOutItem only, Invocation invocation) {
    Metrics metrics = new Metrics(controller.name(), clock);
    Report report = new Report(controller.name(), settings.dryRun(), Report.describe(trigger));
    List<AuditEvent> events = new ArrayList<>();
    AtomicReference<RuntimeException> transientFailure = new AtomicReference<>();
    try {
      execute(trigger, only, invocation, report, events, transientFailure, metrics);
    } catch (TransientFailureException e) {
      if (only == null) {
        throw e;
      }
      // A fan-out message (the config could not be read): return only it to the queue, not the
      // batch, whose other messages may be done already.
      report.status("retry", e.getMessage());
      transientFailure.set(e);
    } finally {
      StartupMarks.mark("run: publishing " + events.size() + " audit events");
      int undelivered = audit.publish(events);
      StartupMarks.mark("run: audit published");
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
      StartupMarks.mark("run: trigger parsed");
      ConfigLoader.Loaded loaded = configLoader.load();
      StartupMarks.mark("run: config loaded");
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
    Targets targets =
        new Targets(settings.region(), invocation.homeAccount(), invocation.partition());
    Routing.Route route = routing.route(trigger, config, targets);
    if (route instanceof Ignore ignore) {
      metrics.add("EventsIgnored", 1);
      report.status("ignored", ignore.reason());
      return;
    }
    Go go = (Go) route;
    long deadline = clock.millis() + invocation.remainingMillis().getAsLong() - SAFETY_MILLIS;
    List<Target> chosen = fanOut.choose(trigger, only, go.targets(), report, metrics);
    List<Scope> scopes = new ArrayList<>();
    for (Target target : chosen) {
      try {
        scopes.addAll(scopes(go, target, config));
      } catch (RuntimeException e) {
        failed(target.toString(), e, report, transientFailure, metrics);
      }
    }
    StartupMarks.mark("run: " + scopes.size() + " scopes listed");
    report.scopes(scopes);
    boolean stopped =
        runScopes(scopes, config, deadline, report, events, transientFailure, metrics);
    StartupMarks.mark("run: scopes done");
    // A tick that sent every target to the fan-out queue worked on nothing: no summary of its
    // own (each message's run has one).
    boolean allFannedOut = chosen.isEmpty() && metrics.snapshot().containsKey(FanOut.METRIC);
    Finding summary =
        trigger instanceof ScheduleTick && !allFannedOut
            ? controller.summary(config, metrics.snapshot())
            : null;
    if (summary != null) {
      report.finding(null, summary);
      events.add(
          new AuditEvent(summary.detailType(), ScopeRunner.arns(summary.target()), summary.detail())
              .withContext(Map.of("function", controller.name(), "dryRun", settings.dryRun())));
    }
    if (report.hasErrors() && !stopped) {
      report.status("partial", "some scopes failed; see errors");
    }
  }

  /** The named cluster; or the whole account; or, for a sweep, every cluster the config selects. */
  private List<Scope> scopes(Go go, Target target, StewardConfig config) {
    if (go.cluster() != null || controller.declaration().triggers().isPerAccount()) {
      return List.of(new Scope(target, go.cluster(), go.selection()));
    }
    return controller.clusters(target).stream()
        .filter(config.targets().clusters()::matches)
        .sorted()
        .map(c -> new Scope(target, c, Selection.ALL))
        .toList();
  }

  /**
   * Every scope observes and plans first; the first plans are counted against the change limits
   * ({@code limits}), and only a run within them applies (recheck passes of an applied scope
   * continue as they must). True when the limits stopped the run.
   */
  private boolean runScopes(
      List<Scope> scopes,
      StewardConfig config,
      long deadline,
      Report report,
      List<AuditEvent> events,
      AtomicReference<RuntimeException> transientFailure,
      Metrics metrics) {
    int threads =
        Math.max(
            1, Math.min(controller.declaration().concurrency().applyAsInt(config), scopes.size()));
    ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    ParallelScopes parallel =
        new ParallelScopes(
            pool, scopes, (where, e) -> failed(where, e, report, transientFailure, metrics));
    // Per scope, filled as findings are made and changes applied: a later failure in the scope must
    // not drop the audit events of what it already changed.
    List<List<AuditEvent>> sinks = new ArrayList<>();
    scopes.forEach(s -> sinks.add(Collections.synchronizedList(new ArrayList<>())));
    try {
      List<ScopeRunner.Pass> passes =
          parallel.run(i -> scopeRunner.plan(scopes.get(i), config, report, metrics, sinks.get(i)));
      Reach reach =
          passes.stream()
              .filter(Objects::nonNull)
              .map(ScopeRunner.Pass::reach)
              .reduce(Reach.NONE, Reach::plus);
      ChangeLimit.Verdict verdict = ChangeLimit.check(reach, config.limits());
      if (!verdict.allowed()) {
        limitExceeded(verdict, report, events, metrics);
        return true;
      }
      parallel.run(
          i -> {
            if (passes.get(i) != null) {
              scopeRunner.apply(
                  passes.get(i),
                  config,
                  deadline,
                  report,
                  metrics,
                  sinks.get(i),
                  e -> transientFailure.compareAndSet(null, e));
            }
            return null;
          });
      return false;
    } finally {
      pool.shutdownNow();
      sinks.forEach(events::addAll);
    }
  }

  /**
   * Reported, counted (its alarm) and published; dry-run or not, since it says what would happen.
   */
  private void limitExceeded(
      ChangeLimit.Verdict verdict, Report report, List<AuditEvent> events, Metrics metrics) {
    report.status(ChangeLimit.STATUS, verdict.reason());
    report.limits(verdict.detail());
    metrics.add(ChangeLimit.METRIC, 1);
    log.error("change limit exceeded", verdict.detail());
    events.add(
        new AuditEvent(ChangeLimit.EXCEEDED, List.of(), verdict.detail())
            .withContext(Map.of("function", controller.name(), "dryRun", settings.dryRun())));
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
