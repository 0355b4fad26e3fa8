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
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.LocalAws;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An audit trail that survives the invocation: each scope's events are on the bus once its apply
 * ends, and a scope is not started when too little of the invocation is left to finish it.
 */
@SuppressWarnings("unchecked")
class PipelineAuditIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  /** One scope at a time, in the clusters' order. */
  private static final String SERIAL = "{\"scheduler\":{\"maxConcurrency\":1}}";

  private final List<String> steps = new CopyOnWriteArrayList<>();
  private AuditTrail trail;

  record Step(String target) implements Action {}

  /** Clusters a, b and c; each plans one Step; {@code onApply} sees each Step as it is applied. */
  final class Stepper implements Controller<String> {
    Consumer<String> onApply = c -> {};

    public Declaration declaration() {
      return new Declaration(
          "stepper", Triggers.none().ticks(), config -> config.scheduler().maxConcurrency());
    }

    public List<String> clusters(Target target) {
      return List.of("a", "b", "c");
    }

    public String observe(Scope scope, StewardConfig config) {
      return scope.cluster();
    }

    public Plan plan(
        Scope scope, String observed, StewardConfig config, Instant now, List<Outcome> earlier) {
      return Plan.of(List.of(new Step(observed)), List.of());
    }

    Executor<Step> executor() {
      return new PortExecutor<>(Step.class, steps) {
        public Result execute(Target target, Step step) {
          steps.add("apply:" + step.target());
          onApply.accept(step.target());
          return Result.done(new AuditEvent("Stepped", List.of(), Map.of("step", step.target())));
        }
      };
    }
  }

  private final Stepper controller = new Stepper();

  @BeforeEach
  void setUp() {
    trail = AuditTrail.create(aws);
    aws.seeder().seed(fleet().config(SERIAL));
  }

  private Pipeline<String> pipeline(FaultInjector faults) {
    Settings settings = aws.settings(false);
    AwsClients clients =
        new AwsClients(
            settings,
            "stepper",
            faults == null ? List.of() : List.of(faults),
            Waits.none().backoff());
    return PipelineTestSupport.wire(
        controller, Set.of(controller.executor()), clients, Clock.systemUTC());
  }

  private static Invocation invocation(LongSupplier remainingMillis) {
    return new Invocation(LocalAws.ACCOUNT, "aws", remainingMillis, "req-1");
  }

  private List<AuditTrail.Delivered> stepped() {
    return trail.drain().stream().filter(d -> d.detailType().equals("Stepped")).toList();
  }

  @Test
  void whenTheInvocationDiesInScopeTwoScopeOnesEventsAreAlreadyOnTheBus() {
    // From b's apply on, every AWS call fails, the audit bus's too: the invocation is dying.
    AtomicBoolean dead = new AtomicBoolean();
    FaultInjector dying =
        FaultInjector.always(FaultInjector.Kind.ENDPOINT_DOWN, c -> dead.get()).includingAudit();
    controller.onApply =
        c -> {
          if (c.equals("b")) {
            dead.set(true);
            throw new IllegalStateException("the invocation died in b's apply");
          }
        };

    Map<String, Object> report = pipeline(dying).run(TICK, invocation(() -> 120_000L));

    assertThat(steps).containsExactly("apply:a", "apply:b", "apply:c");
    assertThat(stepped())
        .singleElement()
        .satisfies(
            d -> assertThat(d.detail()).containsEntry("step", "a").containsEntry("cluster", "a"));
    assertThat((Map<String, Double>) report.get("metrics")).containsKey("AuditPublishFailed");
  }

  @Test
  void everyScopesEventsArePublishedOnceWithTheRunsNumbers() {
    pipeline(null).run(TICK, invocation(() -> 120_000L));

    List<AuditTrail.Delivered> events = stepped();
    assertThat(events).extracting(d -> d.detail().get("step")).containsExactly("a", "b", "c");
    List<Object> ids = events.stream().map(d -> d.detail().get("changeId")).toList();
    assertThat(ids)
        .allMatch(id -> id.toString().matches("req-1/[0-9]+/[1-3]"))
        .extracting(id -> id.toString().replaceAll("/[0-9]+/", "/"))
        .containsExactly("req-1/1", "req-1/2", "req-1/3");

    // Lambda retries an async invocation under the same request id: its changes are others.
    pipeline(null).run(TICK, invocation(() -> 120_000L));
    List<Object> again =
        stepped().stream()
            .map(d -> d.detail().get("changeId"))
            .filter(id -> !ids.contains(id))
            .toList();
    assertThat(again).hasSize(3);
  }

  @Test
  void withLittleTimeLeftNoFurtherScopeStartsAndEachIsReported() {
    // Plenty of time until a's apply; then 15 s: less than the 10 s margin and a scope's 10 s.
    AtomicBoolean late = new AtomicBoolean();
    controller.onApply = c -> late.set(true);

    Map<String, Object> report =
        pipeline(null).run(TICK, invocation(() -> late.get() ? 15_000L : 120_000L));

    assertThat(steps).containsExactly("apply:a");
    assertThat((List<Map<String, Object>>) report.get("findings"))
        .filteredOn(f -> "Scope Deferred".equals(f.get("detailType")))
        .hasSize(2);
    assertThat((List<Map<String, Object>>) report.get("pending"))
        .extracting(p -> p.get("reason"))
        .containsOnly("deferred: too little time left in this invocation")
        .hasSize(2);
    assertThat((Map<String, Double>) report.get("metrics")).containsEntry("ScopeDeferred", 2.0);
    // A tick is not retried: its next tick sees b and c again.
    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(trail.drain())
        .filteredOn(d -> d.detailType().equals("Scope Deferred"))
        .extracting(d -> d.detail().get("cluster"))
        .containsExactlyInAnyOrder("b", "c");
  }

  @Test
  void aFanOutMessageWithADeferredScopeGoesBackToItsQueue() {
    AtomicBoolean late = new AtomicBoolean();
    controller.onApply = c -> late.set(true);
    Map<String, Object> batch =
        Map.of(
            "Records",
            List.of(
                Map.of(
                    "messageId",
                    "m-1",
                    "eventSource",
                    "aws:sqs",
                    "body",
                    "{\"fanOut\":{\"account\":\""
                        + LocalAws.ACCOUNT
                        + "\",\"region\":\""
                        + LocalAws.REGION
                        + "\"}}")));

    Map<String, Object> response =
        pipeline(null).run(batch, invocation(() -> late.get() ? 15_000L : 120_000L));

    assertThat(steps).containsExactly("apply:a");
    assertThat((List<Map<String, Object>>) response.get("batchItemFailures"))
        .extracting(f -> f.get("itemIdentifier"))
        .containsExactly("m-1");
  }
}
