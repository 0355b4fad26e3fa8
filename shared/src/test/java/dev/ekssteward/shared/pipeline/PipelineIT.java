package dev.ekssteward.shared.pipeline;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.Faults;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eks.model.EksException;

/** The shared pipeline against moto, with a scripted controller. */
class PipelineIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  private final CallRecorder calls = new CallRecorder("pipeline-test");
  private final List<String> applied = new CopyOnWriteArrayList<>();
  private AuditTrail trail;

  record Bump(String target) implements Action {
    public String type() {
      return "Bump";
    }
  }

  /**
   * Plans one Bump per scope, a finding for scope "b", and fails scope "boom" as told. Scope "b"
   * asks for {@code rechecks} more passes, and from its second pass on finds one more thing.
   */
  final class Scripted implements Controller<String> {
    RuntimeException failure;
    int rechecks;
    private int passesOfB;

    public Declaration declaration() {

      return new Declaration(
          "scripted", Triggers.none().ticks(), config -> config.scheduler().maxConcurrency());
    }

    public List<String> clusters(Target target) {
      return List.of("a", "b", "boom");
    }

    public String observe(Scope scope, StewardConfig config) {
      if (scope.cluster().equals("boom") && failure != null) {
        throw failure;
      }
      return scope.cluster();
    }

    public Plan plan(
        Scope scope, String observed, StewardConfig config, Instant now, List<Outcome> earlier) {
      List<Finding> findings = new ArrayList<>();
      Duration recheck = null;
      if (observed.equals("b")) {
        findings.add(new Finding("Thing Found", "arn:aws:eks:x:1:cluster/b", Map.of("why", "b")));
        int pass = ++passesOfB;
        if (pass > 1) {
          findings.add(new Finding("Thing Changed", "arn:aws:eks:x:1:cluster/b", Map.of()));
        }
        recheck = pass <= rechecks ? Duration.ofSeconds(1) : null;
      }
      return new Plan(
          List.of(new Bump(observed), new Action.Skip(observed, "just because")),
          findings,
          Map.of(),
          recheck);
    }

    Executor<Bump> bumper() {
      return new PortExecutor<>(Bump.class, applied) {
        public Result execute(Target target, Bump bump) {
          applied.add(bump.target());
          return Result.done(new AuditEvent("Bumped", List.of(), Map.of("target", bump.target())));
        }
      };
    }
  }

  private final Scripted controller = new Scripted();

  @BeforeEach
  void setUp() {
    trail = AuditTrail.create(aws);
  }

  private Pipeline<String> pipeline(boolean dryRun) {
    Settings settings = aws.settings(dryRun);
    AwsClients clients =
        new AwsClients(settings, "scripted", List.of(calls), Waits.none().backoff());
    return PipelineTestSupport.wire(
        controller,
        Set.of(controller.bumper()),
        clients,
        Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void appliesEveryMutatingActionAndPublishesOneAuditEventEach() {
    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "ok").containsEntry("dryRun", false);
    assertThat(list(report, "planned")).hasSize(6);
    assertThat(list(report, "applied"))
        .extracting(m -> m.get("target") + ":" + m.get("result"))
        .containsExactlyInAnyOrder("a:applied", "b:applied", "boom:applied");
    assertThat(applied).containsExactlyInAnyOrder("a", "b", "boom");
    List<AuditTrail.Delivered> delivered = trail.drain();
    assertThat(delivered)
        .extracting(AuditTrail.Delivered::detailType)
        .containsExactlyInAnyOrder("Bumped", "Bumped", "Bumped", "Thing Found");
    AuditTrail.Delivered found =
        delivered.stream().filter(d -> d.detailType().equals("Thing Found")).findFirst().get();
    assertThat(found.resources()).containsExactly("arn:aws:eks:x:1:cluster/b");
    assertThat(found.detail())
        .containsEntry("function", "scripted")
        .containsEntry("cluster", "b")
        .containsEntry("region", LocalAws.REGION)
        .containsEntry("account", LocalAws.ACCOUNT)
        .containsEntry("why", "b");
    assertThat(((Map<String, Object>) report.get("metrics")))
        .containsEntry("AppliedBump", 3.0)
        .containsEntry("Skipped", 3.0)
        .containsEntry("ThingFound", 1.0);
  }

  @Test
  void dryRunPlansReportsFindingsAndChangesNothing() {
    Map<String, Object> report = pipeline(true).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("dryRun", true);
    assertThat(list(report, "planned")).hasSize(6);
    assertThat(list(report, "applied")).isEmpty();
    assertThat(applied).isEmpty();
    assertThat(trail.drainTypes()).containsExactly("Thing Found");
  }

  @Test
  void aRecheckReportsOnlyWhatEarlierPassesHadNotReported() {
    controller.rechecks = 2;

    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "ok");
    // Scope "b" ran three passes and applied its Bump in each...
    assertThat(applied).containsExactlyInAnyOrder("a", "b", "b", "b", "boom");
    // ...but its Bump, Skip and first finding are planned and reported once.
    assertThat(list(report, "planned"))
        .extracting(m -> m.get("type") + ":" + m.get("target"))
        .containsExactlyInAnyOrder(
            "Bump:a", "Skip:a", "Bump:b", "Skip:b", "Bump:boom", "Skip:boom");
    assertThat(list(report, "findings"))
        .extracting(m -> m.get("detailType"))
        .containsExactlyInAnyOrder("Thing Found", "Thing Changed");
    assertThat(trail.drainTypes())
        .containsExactlyInAnyOrder(
            "Bumped", "Bumped", "Bumped", "Bumped", "Bumped", "Thing Found", "Thing Changed");
  }

  @Test
  void unknownEventIsReportedWithoutAnyAwsCall() {
    Map<String, Object> report =
        pipeline(false).run(Map.of("hello", "world"), Invocation.from(new TestContext("x")));

    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "not an EventBridge event: source and detail-type are required");
    assertThat(calls.calls()).isEmpty();
  }

  @Test
  void invalidConfigChangesNothingAndPublishesConfigInvalid() {
    aws.seeder().seed(fleet().config("{\"scheduler\":{\"maxConcurrency\":\"many\"}}"));

    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report)
        .containsEntry("status", "invalid-config")
        .containsEntry(
            "reason",
            "invalid /eks-steward/config: $.scheduler.maxConcurrency: must be a whole number");
    assertThat(applied).isEmpty();
    assertThat(calls.mutations()).isEmpty();
    assertThat(trail.drain())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.detailType()).isEqualTo("Config Invalid");
              assertThat(d.detail())
                  .containsEntry(
                      "errors", List.of("$.scheduler.maxConcurrency: must be a whole number"));
            });
  }

  @Test
  void terminalScopeFailureIsReportedAndTheOthersProceed() {
    controller.failure =
        (RuntimeException)
            EksException.builder()
                .statusCode(403)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("AccessDeniedException").build())
                .message("denied")
                .build();

    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "partial");
    assertThat(list(report, "errors"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("retryable", false);
              assertThat((String) e.get("scope")).endsWith("/boom");
            });
    assertThat(applied).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void transientFailureThrowsAfterTheOthersWereAppliedAndAudited() {
    controller.failure = Faults.eksRequestLimit();

    assertThatThrownBy(() -> pipeline(false).run(TICK, Invocation.from(new TestContext("x"))))
        .isInstanceOf(TransientFailureException.class)
        .hasMessageStartingWith("transient AWS failure; the run will be retried");
    assertThat(applied).containsExactlyInAnyOrder("a", "b");
    assertThat(trail.drainTypes()).containsExactlyInAnyOrder("Bumped", "Bumped", "Thing Found");
  }

  @Test
  void missingBusDoesNotFailTheRun() {
    aws.events().deleteEventBus(r -> r.name(AuditTrail.BUS));

    Map<String, Object> report = pipeline(false).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "ok");
    assertThat((Map<String, Object>) report.get("metrics"))
        .containsEntry("AuditPublishFailed", 4.0);
  }
}
