package dev.ekssteward.shared.pipeline;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.runtime.Log;
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

  /**
   * Clusters a, b, c and d; each plans one Cut (a change) of the one resource it looked at; the
   * Cuts of the clusters in {@code inferred} are inferred. Scope a asks for one recheck pass.
   */
  final class Cutter implements Controller<String> {
    Set<String> inferred = Set.of();
    private int passesOfA;

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
      return new Plan(
          List.of(new Cut(observed)),
          List.of(),
          Map.of(),
          recheck,
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
    Log log = new Log("cutter");
    Pipeline<String> pipeline =
        new Pipeline<>(
            controller,
            new ActionExecutors(Set.of(controller.executor())),
            new ConfigLoader(clients, Set.of(), Clock.systemUTC()),
            new AuditPublisher(() -> clients.eventBridge(clients.home()), settings.auditBus(), log),
            settings,
            Clock.systemUTC(),
            Waits.none(),
            log,
            null);
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
}
