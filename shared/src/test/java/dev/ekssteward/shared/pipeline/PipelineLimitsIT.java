package dev.ekssteward.shared.pipeline;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The change limits in the shared pipeline: every scope plans before any applies, the first plans
 * are counted, and a run over a limit applies nothing, says so and raises its metric and event.
 */
@SuppressWarnings("unchecked")
class PipelineLimitsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  /** What happened, in order: "plan:a", "apply:b", ... */
  private final List<String> steps = new CopyOnWriteArrayList<>();

  private AuditTrail trail;

  record Cut(String target) implements Action {}

  /** Gives back what a Cut took: never counted, and like every action held back by the limits. */
  record Mend(String target) implements Action {}

  /** The ledger's closing change. */
  record Close(String target) implements Action {}

  /**
   * A run ledger that closes with one change and runs scope b once more after it: its second round
   * plans (another Cut) are not counted again.
   */
  final class Ledger implements RunLedger<String> {
    private boolean closedOnce;
    private volatile Scope b;

    @Override
    public Plan planned(Scope scope, Plan plan) {
      if (scope.cluster().equals("b")) {
        b = scope;
      }
      return plan;
    }

    @Override
    public List<Action> closing() {
      steps.add("closing");
      return List.of(new Close("run"));
    }

    @Override
    public List<Scope> again(List<Outcome> closed) {
      if (closedOnce) {
        return List.of();
      }
      closedOnce = true;
      return List.of(b);
    }
  }

  /**
   * Clusters a, b, c and d; each plans one Cut (a change) of the one resource it looked at; the
   * Cuts of the clusters in {@code inferred} are inferred. Scope a asks for one recheck pass.
   */
  final class Cutter implements Controller<String> {
    Set<String> inferred = Set.of();
    boolean mendA;
    boolean withLedger;
    private int passesOfA;

    public RunLedger<String> ledger(
        StewardConfig config,
        dev.ekssteward.shared.event.Routing.Go go,
        List<Target> configured,
        boolean wholeRun) {
      return withLedger ? new Ledger() : RunLedger.none();
    }

    public Declaration declaration() {
      return new Declaration(
          "cutter", Triggers.none().ticks(), config -> config.scheduler().maxConcurrency());
    }

    public List<String> clusters(Target target) {
      return List.of("a", "b", "c", "d");
    }

    public String observe(Scope scope, StewardConfig config) {
      return scope.cluster();
    }

    public Plan plan(
        Scope scope, String observed, StewardConfig config, Instant now, List<Outcome> earlier) {
      steps.add("plan:" + observed);
      Duration recheck = observed.equals("a") && passesOfA++ == 0 ? Duration.ofSeconds(1) : null;
      List<Action> actions = new java.util.ArrayList<>(List.of(new Cut(observed)));
      if (mendA && observed.equals("a")) {
        actions.add(new Mend("a"));
      }
      return new Plan(
          actions,
          List.of(),
          Map.of(),
          recheck,
          null,
          new Reach(1, 1, inferred.contains(observed) ? 1 : 0));
    }

    Executor<Cut> executor() {
      return new PortExecutor<>(Cut.class, steps) {
        public Result execute(Target target, Cut cut) {
          steps.add("apply:" + cut.target());
          return Result.done(new AuditEvent("Cut", List.of(), Map.of("target", cut.target())));
        }
      };
    }

    Executor<Mend> mender() {
      return new PortExecutor<>(Mend.class, steps) {
        public Result execute(Target target, Mend mend) {
          steps.add("mend:" + mend.target());
          return Result.done(new AuditEvent("Mended", List.of(), Map.of("target", mend.target())));
        }
      };
    }

    Executor<Close> closer() {
      return new PortExecutor<>(Close.class, steps) {
        public Result execute(Target target, Close close) {
          steps.add("apply:close");
          return Result.done();
        }
      };
    }
  }

  private final Cutter controller = new Cutter();

  @BeforeEach
  void setUp() {
    trail = AuditTrail.create(aws);
  }

  private Map<String, Object> run(boolean dryRun, String config) {
    aws.seeder().seed(fleet().config(config));
    Settings settings = aws.settings(dryRun);
    AwsClients clients = new AwsClients(settings, "cutter", List.of(), Waits.none().backoff());
    Pipeline<String> pipeline =
        PipelineTestSupport.wire(
            controller,
            Set.of(controller.executor(), controller.mender(), controller.closer()),
            clients,
            Clock.systemUTC());
    return pipeline.run(TICK, Invocation.from(new TestContext("x")));
  }

  /** A number as the audit event's JSON detail reads back. */
  private static BigDecimal n(int value) {
    return BigDecimal.valueOf(value);
  }

  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void withinTheLimitsEveryScopePlansBeforeAnyAppliesAndRechecksGoOn() {
    Map<String, Object> report = run(false, "{\"limits\":{\"maxChangesPerRun\":4}}");

    assertThat(report).containsEntry("status", "ok").doesNotContainKey("limits");
    assertThat(steps.subList(0, 4))
        .containsExactlyInAnyOrder("plan:a", "plan:b", "plan:c", "plan:d");
    // a's recheck pass plans and applies again after the limits passed the first plans.
    assertThat(steps.subList(4, steps.size()))
        .containsExactlyInAnyOrder("apply:a", "apply:b", "apply:c", "apply:d", "plan:a", "apply:a");
    assertThat(trail.drainTypes()).containsOnly("Cut").hasSize(5);
  }

  @Test
  void overTheCountLimitNothingIsAppliedAndTheRunSaysWhy() {
    Map<String, Object> report = run(false, "{\"limits\":{\"maxChangesPerRun\":3}}");

    assertThat(steps).containsExactlyInAnyOrder("plan:a", "plan:b", "plan:c", "plan:d");
    assertThat(report)
        .containsEntry("status", "limit-exceeded")
        .containsEntry(
            "reason",
            "the plan makes 4 changes, limits.maxChangesPerRun is 3; nothing was applied");
    assertThat(list(report, "planned")).hasSize(4);
    assertThat(list(report, "applied")).isEmpty();
    assertThat((Map<String, Object>) report.get("limits"))
        .containsEntry("lookedAt", 4)
        .containsEntry("changes", 4)
        .containsEntry("inferredChanges", 0)
        .containsEntry("maxChangesPerRun", 3)
        .containsEntry("maxChangesPercent", 50);
    assertThat((Map<String, Object>) report.get("metrics"))
        .containsEntry("ChangeLimitExceeded", 1.0)
        .doesNotContainKey("AppliedCut");
    assertThat(trail.drain())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.detailType()).isEqualTo("Change Limit Exceeded");
              assertThat(d.detail())
                  .containsEntry("function", "cutter")
                  .containsEntry("dryRun", false)
                  .containsEntry("lookedAt", n(4))
                  .containsEntry("changes", n(4))
                  .containsEntry("maxChangesPerRun", n(3));
            });
  }

  @Test
  void byDefaultInferredChangesToMoreThanHalfOfWhatWasLookedAtApplyNothing() {
    controller.inferred = Set.of("a", "b", "c", "d");

    Map<String, Object> report = run(false, "{}");

    assertThat(report).containsEntry("status", "limit-exceeded");
    assertThat(steps).noneMatch(s -> s.startsWith("apply:"));
    assertThat((Map<String, Object>) report.get("limits"))
        .containsEntry("inferredChanges", 4)
        .containsEntry("inferredPercent", 100.0);
  }

  @Test
  void inferredChangesToHalfOfWhatWasLookedAtPassTheDefaults() {
    controller.inferred = Set.of("a", "b");

    Map<String, Object> report = run(false, "{}");

    assertThat(report).containsEntry("status", "ok");
    assertThat(steps).contains("apply:a", "apply:b", "apply:c", "apply:d");
  }

  @Test
  void aDryRunReportsTheLimitToo() {
    Map<String, Object> report = run(true, "{\"limits\":{\"maxChangesPerRun\":0}}");

    assertThat(report).containsEntry("status", "limit-exceeded").containsEntry("dryRun", true);
    assertThat(list(report, "planned")).hasSize(4);
    assertThat(trail.drain())
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.detail())
                    .containsEntry("dryRun", true)
                    .containsEntry("changes", n(4))
                    .containsEntry("maxChangesPerRun", n(0)));
  }

  @Test
  void overTheLimitsNotEvenARestoreIsApplied() {
    controller.mendA = true;

    Map<String, Object> report = run(false, "{\"limits\":{\"maxChangesPerRun\":3}}");

    assertThat(report).containsEntry("status", "limit-exceeded");
    // No Cut, no Mend, and no recheck pass of a (it asked for one): the plans only.
    assertThat(steps).containsExactlyInAnyOrder("plan:a", "plan:b", "plan:c", "plan:d");
    assertThat(list(report, "planned")).hasSize(5);
    assertThat(list(report, "applied")).isEmpty();
    assertThat(trail.drainTypes()).containsExactly("Change Limit Exceeded");
  }

  @Test
  void aRestoreAloneIsNeverCounted() {
    controller.mendA = true;

    Map<String, Object> report = run(false, "{\"limits\":{\"maxChangesPerRun\":4}}");

    // Four Cuts and a Mend, with at most four changes: the Mend is not one of them.
    assertThat(report).containsEntry("status", "ok");
    assertThat(steps).contains("mend:a", "apply:a", "apply:b", "apply:c", "apply:d");
  }

  @Test
  void overTheLimitsTheRunLedgerClosesNothingAndRunsNoSecondRound() {
    controller.withLedger = true;

    Map<String, Object> report = run(false, "{\"limits\":{\"maxChangesPerRun\":3}}");

    assertThat(report).containsEntry("status", "limit-exceeded");
    assertThat(steps)
        .doesNotContain("closing", "apply:close")
        .noneMatch(s -> s.startsWith("apply:"));
  }

  @Test
  void withinTheLimitsTheLedgerClosesAndRunsItsSecondRound() {
    controller.withLedger = true;

    Map<String, Object> report = run(false, "{\"limits\":{\"maxChangesPerRun\":4}}");

    assertThat(report).containsEntry("status", "ok");
    assertThat(steps.stream().filter("apply:b"::equals)).hasSize(2);
    assertThat(steps.stream().filter("apply:close"::equals)).hasSize(2);
  }
}
