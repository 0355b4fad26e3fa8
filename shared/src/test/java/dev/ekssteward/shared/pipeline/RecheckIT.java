package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallRule;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecheckQueue;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.FleetSeed;
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
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * Deferred looks through a real (moto) recheck queue, with a scripted controller: a resource still
 * in transition is looked at again by a delayed message, at most {@code limit} times, and then
 * reported; the looks go where the call went, and not where the config no longer reaches.
 */
class RecheckIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> CREATE_NODEGROUP =
      EventFiles.load("scheduler-create-nodegroup.json");
  private static final Duration SCALED_LOOK = Duration.ofSeconds(20);

  private final CallRecorder calls = new CallRecorder("recheck-test");
  private final List<Integer> delays = new CopyOnWriteArrayList<>();
  private final List<Selection> seen = new CopyOnWriteArrayList<>();
  private final List<ExecutionInterceptor> faults = new ArrayList<>();
  private volatile String status = "CREATING";
  private RecheckQueue queue;
  private AuditTrail trail;

  /** Looks at the node group an event names; plans a deferred look while it is CREATING. */
  final class Waiting implements Controller<String> {
    public Declaration declaration() {
      return new Declaration(
          "waiting",
          Triggers.none()
              .on(
                  CallRule.on(CallRule.EKS, "CreateNodegroup")
                      .kind("nodegroup")
                      .cluster("requestParameters.name")
                      .name("requestParameters.nodegroupName")),
          config -> 1);
    }

    public String observe(Scope scope, StewardConfig config) {
      seen.add(scope.selection());
      return status;
    }

    public Plan plan(
        Scope scope, String observed, StewardConfig config, Instant now, List<Outcome> earlier) {
      if (!observed.equals("CREATING")) {
        return Plan.of(List.of(new Action.Skip("dev-1/ng-a", "status " + observed)), List.of());
      }
      Finding giveUp = new Finding("Widget Not Active", "dev-1/ng-a", Map.of("status", observed));
      return new Plan(
          List.of(), List.of(), Map.of(), null, new LookAgain(Duration.ofMinutes(5), 2, giveUp));
    }
  }

  /** Keeps the DelaySeconds of every SendMessage. */
  final class Delays implements ExecutionInterceptor {
    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof SendMessageRequest r) {
        delays.add(r.delaySeconds());
      }
    }
  }

  @BeforeEach
  void setUp() {
    aws.seeder().seed(FleetSeed.fleet().config("{}"));
    trail = AuditTrail.create(aws);
    queue = RecheckQueue.create(aws);
  }

  private Pipeline<String> pipeline(boolean dryRun, boolean withQueue) {
    Settings settings = withQueue ? queue.settings(aws.environment(dryRun)) : aws.settings(dryRun);
    List<ExecutionInterceptor> interceptors = new ArrayList<>(faults);
    interceptors.add(calls);
    interceptors.add(new Delays());
    AwsClients clients = new AwsClients(settings, "waiting", interceptors, Waits.none().backoff());
    return PipelineTestSupport.wire(
        new Waiting(),
        Set.of(),
        clients,
        Clock.fixed(Instant.parse("2026-11-25T16:45:00Z"), ZoneOffset.UTC),
        null,
        new Rechecks(clients));
  }

  private static Map<String, Object> run(Pipeline<String> p, Map<String, Object> event) {
    return p.run(event, Invocation.from(new TestContext("waiting")));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void aResourceInTransitionIsLookedAtAgainByADelayedMessage() throws Exception {
    Map<String, Object> report = run(pipeline(false, true), CREATE_NODEGROUP);

    assertThat(list(report, "pending"))
        .extracting(p -> p.get("reason"))
        .containsExactly("still in transition; look 1 of 2 in 5 min");
    assertThat(report.get("metrics")).isEqualTo(Map.of("LooksScheduled", 1.0));
    assertThat(calls.calls()).containsExactly("ssm:GetParameter", "sqs:SendMessage");
    assertThat(delays).containsExactly(300);
    assertThat(queue.delayed()).isEqualTo(1);
    assertThat(queue.receiveNow()).as("nothing before the delay has passed").isEmpty();

    List<Message> look = queue.awaitNext(SCALED_LOOK);

    assertThat(look).hasSize(1);
    assertThat(RecheckQueue.recheck(look.get(0)))
        .containsEntry("account", LocalAws.ACCOUNT)
        .containsEntry("region", "eu-west-1")
        .containsEntry("cluster", "dev-1")
        .containsEntry("call", "CreateNodegroup")
        .containsEntry("kind", "nodegroup")
        .containsEntry("name", "ng-a")
        .containsEntry("created", false);
  }

  @Test
  void theLooksAreBoundedAndTheLastOneIsAFinding() throws Exception {
    run(pipeline(false, true), CREATE_NODEGROUP);
    Map<String, Object> second =
        run(pipeline(false, true), RecheckQueue.event(queue.awaitNext(SCALED_LOOK)));
    assertThat(second).isEqualTo(Map.of("batchItemFailures", List.of()));

    Map<String, Object> third =
        run(pipeline(false, true), RecheckQueue.event(queue.awaitNext(SCALED_LOOK)));

    assertThat(third).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(seen).extracting(s -> ((Selection.One) s).look()).containsExactly(0, 1, 2);
    assertThat(delays).containsExactly(300, 300);
    Thread.sleep(2_000); // longer than a scaled look: no third one was sent
    assertThat(queue.receiveNow()).isEmpty();
    assertThat(queue.delayed()).isZero();
    List<AuditTrail.Delivered> events = trail.drain();
    assertThat(events)
        .extracting(AuditTrail.Delivered::detailType)
        .containsExactly("Widget Not Active");
    Map<String, Object> detail = events.get(0).detail();
    assertThat(detail)
        .containsEntry("status", "CREATING")
        .containsEntry("function", "waiting")
        .containsEntry("cluster", "dev-1");
    assertThat(((Number) detail.get("looks")).intValue()).isEqualTo(3);
    assertThat(((Number) detail.get("minutesWaited")).intValue()).isEqualTo(10);
  }

  @Test
  void aResourceThatArrivedIsPlannedAndNotLookedAtAgain() throws Exception {
    run(pipeline(false, true), CREATE_NODEGROUP);
    status = "ACTIVE";
    calls.clear();

    run(pipeline(false, true), RecheckQueue.event(queue.awaitNext(SCALED_LOOK)));

    assertThat(calls.calls()).containsExactly("ssm:GetParameter");
    assertThat(trail.drainTypes()).isEmpty();
    assertThat(seen).hasSize(2);
  }

  @Test
  void dryRunLooksAgainToo() {
    Map<String, Object> report = run(pipeline(true, true), CREATE_NODEGROUP);

    assertThat(report).containsEntry("dryRun", true);
    assertThat(calls.calls()).contains("sqs:SendMessage");
    assertThat(queue.delayed()).isEqualTo(1);
  }

  @Test
  void withoutARecheckQueueTheNextTickLooks() {
    Map<String, Object> report = run(pipeline(false, false), CREATE_NODEGROUP);

    assertThat(list(report, "pending"))
        .extracting(p -> p.get("reason"))
        .containsExactly("still in transition; without RECHECK_QUEUE_URL the next tick looks");
    assertThat(calls.calls()).doesNotContain("sqs:SendMessage");
  }

  @Test
  void aLookThatCannotBeSentFailsTheRunSoItIsRetried() {
    FaultInjector failing = FaultInjector.always(Kind.SERVER_ERROR, "sqs:SendMessage");
    faults.add(failing);

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run(pipeline(false, true), CREATE_NODEGROUP))
        .isInstanceOf(TransientFailureException.class);
    assertThat(failing.faulted()).isNotEmpty();
    assertThat(queue.delayed()).isZero();
  }

  @Test
  void aLookAtAClusterTheConfigNoLongerSelectsIsIgnored() throws Exception {
    run(pipeline(false, true), CREATE_NODEGROUP);
    aws.seeder()
        .seed(FleetSeed.fleet().config("{\"targets\":{\"clusters\":{\"exclude\":[\"dev-*\"]}}}"));

    Map<String, Object> reply =
        run(pipeline(false, true), RecheckQueue.event(queue.awaitNext(SCALED_LOOK)));

    assertThat(reply).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(seen).hasSize(1);
  }

  @Test
  void aMalformedLookIsReturnedSoItEndsInTheDeadLetterQueue() {
    Map<String, Object> event =
        Map.of(
            "Records",
            List.of(
                Map.of(
                    "messageId", "m-bad",
                    "eventSource", "aws:sqs",
                    "body",
                        "{\"recheck\":{\"region\":\"eu-west-1\",\"call\":\"CreateNodegroup\"}}")));

    Map<String, Object> reply = run(pipeline(false, true), event);

    assertThat(reply)
        .isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-bad"))));
    assertThat(seen).isEmpty();
  }
}
