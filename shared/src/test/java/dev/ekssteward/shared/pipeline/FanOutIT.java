package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.metrics.MetricsNamespace;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.Faults;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Fan-out of a schedule tick through a real (moto) SQS queue, and the partial batch response. */
class FanOutIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> TICK =
      Map.of(
          "detail-type", "Scheduled Event",
          "source", "aws.events",
          "time", "2026-11-25T18:00:00Z",
          "detail", Map.of());
  private static final List<String> REGIONS = List.of("eu-west-1", "eu-central-1", "us-east-1");

  private final CallRecorder calls = new CallRecorder("fanout-test");
  private final List<ExecutionInterceptor> faults = new ArrayList<>();
  private final List<String> observed = new CopyOnWriteArrayList<>();
  private final Map<String, RuntimeException> failIn = new HashMap<>();
  private final List<Boolean> metTogether = new CopyOnWriteArrayList<>();
  private volatile CountDownLatch together;
  private SqsClient sqs;
  private String queue;

  /** One scope per target, named after its region; fails the regions in {@code failIn}. */
  final class PerRegion implements Controller<String> {
    public Declaration declaration() {
      return new Declaration(
          "fanout", Triggers.none().ticks(), config -> config.scheduler().maxConcurrency());
    }

    public List<String> clusters(Target target) {
      return List.of(target.region());
    }

    public String observe(Scope scope, StewardConfig config) {
      observed.add(scope.cluster());
      if (together != null) {
        together.countDown();
        try {
          metTogether.add(together.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (failIn.containsKey(scope.cluster())) {
        throw failIn.get(scope.cluster());
      }
      return scope.cluster();
    }

    public Plan plan(
        Scope scope, String state, StewardConfig config, Instant now, List<Outcome> earlier) {
      return Plan.empty();
    }
  }

  @BeforeEach
  void setUp() {
    aws.seeder()
        .seed(
            FleetSeed.fleet()
                .config(
                    "{\"targets\": {\"regions\": [\"" + String.join("\", \"", REGIONS) + "\"]}}"));
    sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    queue = sqs.createQueue(r -> r.queueName("eks-steward-fanout")).queueUrl();
  }

  private Pipeline<String> pipeline(String queueUrl, int minTargets) {
    Settings base = aws.settings(true);
    Settings settings =
        new Settings(
            base.configPrefix(),
            base.dryRun(),
            null,
            base.region(),
            base.endpoint(),
            null,
            queueUrl,
            minTargets,
            null,
            null,
            MetricsNamespace.DEFAULT);
    List<ExecutionInterceptor> interceptors = new ArrayList<>(faults);
    interceptors.add(calls);
    AwsClients clients = new AwsClients(settings, "fanout", interceptors, Waits.none().backoff());
    return PipelineTestSupport.wire(
        new PerRegion(),
        Set.of(),
        clients,
        Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC),
        new FanOut(clients),
        null);
  }

  private List<Message> drain() {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      out.addAll(sqs.receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10)).messages());
    }
    return out;
  }

  private static Map<String, Object> sqsEvent(List<Map<String, Object>> records) {
    return Map.of("Records", records);
  }

  private static Map<String, Object> record(String id, String body) {
    return Map.of("messageId", id, "body", body, "eventSource", "aws:sqs");
  }

  @Test
  void aTickOverManyTargetsSendsOneMessagePerTargetAndWorksOnNone() {
    Map<String, Object> report =
        pipeline(queue, 2).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report).containsEntry("status", "fanned-out");
    assertThat(observed).isEmpty();
    assertThat(calls.calls()).containsExactly("ssm:GetParameter", "sqs:SendMessage");
    assertThat(drain())
        .extracting(Message::body)
        .containsExactlyInAnyOrder(
            REGIONS.stream()
                .map(
                    r ->
                        "{\"fanOut\":{\"account\":\""
                            + LocalAws.ACCOUNT
                            + "\",\"region\":\""
                            + r
                            + "\",\"time\":\"2026-11-25T18:00:00Z\"}}")
                .toArray(String[]::new));
  }

  @Test
  void eachMessageRunsOnlyItsTargetAndNeverFansOutAgain() {
    pipeline(queue, 2).run(TICK, Invocation.from(new TestContext("x")));
    List<Map<String, Object>> records = new ArrayList<>();
    for (Message m : drain()) {
      records.add(record(m.messageId(), m.body()));
    }
    calls.clear();

    Map<String, Object> reply =
        pipeline(queue, 2).run(sqsEvent(records), Invocation.from(new TestContext("x")));

    assertThat(reply).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(observed).containsExactlyInAnyOrderElementsOf(REGIONS);
    // Three messages, one config read: a warm container reads it at most once a minute.
    assertThat(calls.calls()).containsExactly("ssm:GetParameter");
  }

  @Test
  void aConfigThatCannotBeReadReturnsEachMessageWithoutFailingTheBatch() {
    pipeline(queue, 2).run(TICK, Invocation.from(new TestContext("x")));
    List<Map<String, Object>> records = new ArrayList<>();
    List<Map<String, Object>> all = new ArrayList<>();
    for (Message m : drain()) {
      records.add(record(m.messageId(), m.body()));
      all.add(Map.of("itemIdentifier", m.messageId()));
    }
    FaultInjector failing = FaultInjector.always(Kind.SERVER_ERROR, "ssm:GetParameter");
    faults.add(failing);

    Map<String, Object> reply =
        pipeline(queue, 2).run(sqsEvent(records), Invocation.from(new TestContext("x")));

    // No exception (that would redeliver the whole batch): each message is returned on its own.
    assertThat(reply).isEqualTo(Map.of("batchItemFailures", all));
    assertThat(all).hasSize(REGIONS.size());
    assertThat(failing.faulted()).isNotEmpty();
    assertThat(observed).isEmpty();
  }

  @Test
  void retryableFailuresAndForeignMessagesAreReturnedForRedelivery() {
    failIn.put("eu-central-1", Faults.eksRequestLimit());
    failIn.put("us-east-1", new IllegalStateException("a bug, not worth retrying"));
    String account = "\"account\":\"" + LocalAws.ACCOUNT + "\",";
    Map<String, Object> event =
        sqsEvent(
            List.of(
                record("m-ok", "{\"fanOut\":{" + account + "\"region\":\"eu-west-1\"}}"),
                record("m-throttled", "{\"fanOut\":{" + account + "\"region\":\"eu-central-1\"}}"),
                record("m-bug", "{\"fanOut\":{" + account + "\"region\":\"us-east-1\"}}"),
                record("m-foreign", "{\"hello\":\"world\"}")));

    Map<String, Object> reply =
        pipeline(queue, 2).run(event, Invocation.from(new TestContext("x")));

    assertThat(reply)
        .isEqualTo(
            Map.of(
                "batchItemFailures",
                List.of(
                    Map.of("itemIdentifier", "m-throttled"),
                    Map.of("itemIdentifier", "m-foreign"))));
    assertThat(observed).containsExactlyInAnyOrder("eu-west-1", "eu-central-1", "us-east-1");
  }

  @Test
  void messagesLeftWhenTimeRunsOutAreReturnedUnstarted() {
    String body =
        "{\"fanOut\":{\"account\":\"" + LocalAws.ACCOUNT + "\",\"region\":\"eu-west-1\"}}";

    Map<String, Object> reply =
        pipeline(queue, 2)
            .run(
                sqsEvent(List.of(record("m-1", body))),
                new Invocation(LocalAws.ACCOUNT, "aws", () -> 5_000L, "req"));

    assertThat(reply)
        .isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-1"))));
    assertThat(observed).isEmpty();
  }

  @Test
  void aFifoQueueGetsOneMessagePerTargetAndTickInItsTargetsGroupEvenWhenTheTickComesTwice() {
    String fifo =
        sqs.createQueue(
                r ->
                    r.queueName("eks-steward-fanout.fifo")
                        .attributes(
                            Map.of(
                                QueueAttributeName.FIFO_QUEUE, "true",
                                QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "false")))
            .queueUrl();

    pipeline(fifo, 2).run(TICK, Invocation.from(new TestContext("x")));
    pipeline(fifo, 2).run(TICK, Invocation.from(new TestContext("x")));

    List<Message> got = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      got.addAll(
          sqs.receiveMessage(
                  r ->
                      r.queueUrl(fifo)
                          .maxNumberOfMessages(10)
                          .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
              .messages());
    }
    assertThat(got)
        .extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_GROUP_ID))
        .containsExactlyInAnyOrder(
            REGIONS.stream().map(r -> LocalAws.ACCOUNT + "/" + r).toArray(String[]::new));
    assertThat(got)
        .extracting(m -> m.attributes().get(MessageSystemAttributeName.MESSAGE_DEDUPLICATION_ID))
        .containsExactlyInAnyOrder(
            REGIONS.stream()
                .map(r -> LocalAws.ACCOUNT + "/" + r + "/2026-11-25T18:00:00Z")
                .toArray(String[]::new));
  }

  @Test
  void ofATargetsPiledUpTicksOnlyTheLastRunsAndTheOthersAreDone() {
    String account = "\"account\":\"" + LocalAws.ACCOUNT + "\",";
    Map<String, Object> event =
        sqsEvent(
            List.of(
                record(
                    "m-1",
                    "{\"fanOut\":{"
                        + account
                        + "\"region\":\"eu-west-1\","
                        + "\"time\":\"2026-11-25T17:50:00Z\"}}"),
                record("m-2", "{\"fanOut\":{" + account + "\"region\":\"us-east-1\"}}"),
                record(
                    "m-3",
                    "{\"fanOut\":{"
                        + account
                        + "\"region\":\"eu-west-1\","
                        + "\"time\":\"2026-11-25T17:55:00Z\"}}")));
    failIn.put("us-east-1", Faults.eksRequestLimit());

    Map<String, Object> reply =
        pipeline(queue, 2).run(event, Invocation.from(new TestContext("x")));

    assertThat(observed).containsExactlyInAnyOrder("eu-west-1", "us-east-1");
    assertThat(reply)
        .isEqualTo(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "m-2"))));
  }

  @Test
  void theTargetsOfOneBatchRunAtTheSameTime() {
    together = new CountDownLatch(REGIONS.size());
    String account = "\"account\":\"" + LocalAws.ACCOUNT + "\",";
    List<Map<String, Object>> records = new ArrayList<>();
    for (String region : REGIONS) {
      records.add(
          record("m-" + region, "{\"fanOut\":{" + account + "\"region\":\"" + region + "\"}}"));
    }

    Map<String, Object> reply =
        pipeline(queue, 2).run(sqsEvent(records), Invocation.from(new TestContext("x")));

    assertThat(reply).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(metTogether).containsExactly(true, true, true);
  }

  @Test
  void belowTheThresholdOrWithoutAQueueTheTickRunsHere() {
    Map<String, Object> below = pipeline(queue, 4).run(TICK, Invocation.from(new TestContext("x")));
    Map<String, Object> noQueue =
        pipeline(null, 2).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(below).containsEntry("status", "ok");
    assertThat(noQueue).containsEntry("status", "ok");
    assertThat(observed).hasSize(6);
    assertThat(calls.calls()).doesNotContain("sqs:SendMessage");
    assertThat(drain()).isEmpty();
  }

  @Test
  void targetsThatCannotBeSentRunHere() {
    String missing = queue.replace("eks-steward-fanout", "no-such-queue");

    Map<String, Object> report =
        pipeline(missing, 2).run(TICK, Invocation.from(new TestContext("x")));

    assertThat(report.get("reason").toString()).contains("3 could not be sent, run here");
    assertThat(observed).containsExactlyInAnyOrderElementsOf(REGIONS);
  }
}
