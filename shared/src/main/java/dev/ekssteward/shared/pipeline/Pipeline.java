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
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.event.Trigger.Unrecognized;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.request.CallerCheck;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StartupMarks;
import dev.ekssteward.shared.runtime.Waits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
  private final ScopeRounds<S> rounds;
  private final RunChanges runChanges;
  private final RequestGate requests;

  /**
   * {@code fanOut} null: every tick runs all its targets in this invocation; {@code rechecks} null:
   * a resource in transition waits for the next tick; {@code callers} proves who sent a Wake or
   * Release request (only the scheduler takes them).
   */
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
      FanOut fanOut,
      Rechecks rechecks,
      CallerCheck callers) {
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
    this.rounds =
        new ScopeRounds<>(
            controller,
            new ScopeRunner<>(
                controller, executors, settings, clock, waits.sleeper(), log, rechecks),
            settings,
            log);
    this.runChanges = new RunChanges(controller.name(), executors, settings, log);
    this.requests = new RequestGate(callers, controller.name(), settings.dryRun());
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

  /**
   * The run: the Lambda request, and within a fan-out batch the message (one request runs several).
   * Local runs without a request id get a random one.
   */
  static String runId(Invocation invocation, FanOutItem only) {
    String request =
        invocation.requestId() != null ? invocation.requestId() : UUID.randomUUID().toString();
    return only == null ? request : request + "/" + only.messageId();
  }

  /** One run's reply, and the first retryable failure it met (or null). */
  record Run(Map<String, Object> reply, RuntimeException transientFailure) {}

  private Run runOnce(Trigger trigger, FanOutItem only, Invocation invocation) {
    log.request(invocation.requestId());
    Metrics metrics =
        new Metrics(controller.name(), clock, Log.passing(), settings.metricsNamespace());
    Report report = new Report(controller.name(), settings.dryRun(), Report.describe(trigger));
    List<AuditEvent> events = new ArrayList<>();
    AtomicReference<RuntimeException> transientFailure = new AtomicReference<>();
    RunAudit runAudit = new RunAudit(audit, runId(invocation, only), clock.millis());
    TransientFailureException rethrow = null;
    try {
      Trigger admitted = trigger;
      if (trigger instanceof Trigger.Request r && takesRequests()) {
        Trigger.Request proven = requests.admit(r, report, events, metrics);
        runAudit.requestedBy(proven);
        admitted = proven;
      }
      if (admitted != null) {
        execute(admitted, only, invocation, report, events, transientFailure, metrics, runAudit);
      }
    } catch (TransientFailureException e) {
      report.status("retry", e.getMessage());
      if (only == null) {
        rethrow = e; // after the report line, which the deploy.md query reads for every run
      } else {
        // A fan-out message (the config could not be read): return only it to the queue, not the
        // batch, whose other messages may be done already.
        transientFailure.set(e);
      }
    } finally {
      StartupMarks.mark("run: publishing " + events.size() + " audit events");
      runAudit.drain(events);
      StartupMarks.mark("run: audit published");
      int undelivered = runAudit.undelivered();
      if (undelivered > 0) {
        metrics.add("AuditPublishFailed", undelivered);
      }
      report.metrics(metrics.snapshot());
      metrics.flush();
    }
    Map<String, Object> reply = report.toMap();
    // The whole report: Lambda drops a scheduled or event invocation's return value.
    log.info("report", Report.forLog(reply));
    if (rethrow != null) {
      throw rethrow;
    }
    return new Run(reply, transientFailure.get());
  }

  private boolean takesRequests() {
    return controller.declaration().triggers().takesWakeRequests()
        || controller.declaration().triggers().takesReleaseRequests();
  }

  private void execute(
      Trigger trigger,
      FanOutItem only,
      Invocation invocation,
      Report report,
      List<AuditEvent> events,
      AtomicReference<RuntimeException> transientFailure,
      Metrics metrics,
      RunAudit runAudit) {
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
        new Targets(
            settings.region(), invocation.homeAccount(), invocation.partition(), controller.name());
    Routing.Route route = routing.route(trigger, config, targets);
    log.debug("routed", () -> Map.of("trigger", trigger.toString(), "route", route.toString()));
    if (route instanceof Ignore ignore) {
      metrics.add("EventsIgnored", 1);
      report.status("ignored", ignore.reason());
      return;
    }
    Go go = (Go) route;
    long deadline = clock.millis() + invocation.remainingMillis().getAsLong() - SAFETY_MILLIS;
    List<Target> chosen = fanOut.choose(trigger, only, go.targets(), report, metrics);
    RunLedger<S> ledger;
    try {
      ledger = controller.ledger(config, go, targets.all(config), only == null);
    } catch (RuntimeException e) {
      failed("run", e, report, transientFailure, metrics);
      report.status("partial", "the run's own state could not be read; nothing was changed");
      return;
    }
    Scope run = new Scope(targets.home(), null, go.selection());
    Consumer<RuntimeException> retryLater = e -> transientFailure.compareAndSet(null, e);
    runChanges.apply(run, ledger.opening(), report, metrics, events, retryLater);
    runAudit.drain(events);
    List<Scope> scopes = new ArrayList<>();
    for (Target target : chosen) {
      try {
        scopes.addAll(scopes(go, target, config));
      } catch (RuntimeException e) {
        failed(target.toString(), e, report, transientFailure, metrics);
      }
    }
    scopes.addAll(ledger.moreScopes(List.copyOf(scopes)));
    StartupMarks.mark("run: " + scopes.size() + " scopes listed");
    report.scopes(scopes);
    ScopeRounds.Run round =
        new ScopeRounds.Run(
            config,
            deadline,
            report,
            events,
            transientFailure,
            metrics,
            ledger,
            (where, e) -> failed(where, e, report, transientFailure, metrics),
            runAudit,
            new ScopeBudget(invocation.remainingMillis()));
    // The run's own closing changes and second round follow only a run the limits let through.
    boolean stopped = rounds.run(scopes, round, true);
    if (!stopped) {
      List<Outcome> closed =
          runChanges.apply(run, ledger.closing(), report, metrics, events, retryLater);
      List<Scope> again = ledger.again(closed);
      if (!again.isEmpty()) {
        rounds.run(again, round, false);
        runChanges.apply(run, ledger.closing(), report, metrics, events, retryLater);
      }
    }
    Double deferred = metrics.snapshot().get(ScopeRounds.SCOPE_DEFERRED.replace(" ", ""));
    if (deferred != null && !(trigger instanceof ScheduleTick && only == null)) {
      // A tick's next tick sees every scope again; a fan-out message goes back to its queue and a
      // call event is retried by Lambda, so a deferred scope is never lost.
      transientFailure.compareAndSet(
          null,
          new ScopeDeferredException(
              deferred.intValue() + " scopes were deferred for lack of time; the run is retried"));
    }
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
    } else if (report.hasFailedChanges() && !stopped) {
      report.status("partial", "some changes failed; see applied");
    }
  }

  /**
   * The named cluster; or the whole account; or, for a sweep, every cluster the config selects
   * (with the sweep's selection: all, or a release).
   */
  private List<Scope> scopes(Go go, Target target, StewardConfig config) {
    if (go.cluster() != null || controller.declaration().triggers().isPerAccount()) {
      return List.of(new Scope(target, go.cluster(), go.selection()));
    }
    return controller.clusters(target).stream()
        .filter(config.targets().clusters()::matches)
        .sorted()
        .map(c -> new Scope(target, c, go.selection()))
        .toList();
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
