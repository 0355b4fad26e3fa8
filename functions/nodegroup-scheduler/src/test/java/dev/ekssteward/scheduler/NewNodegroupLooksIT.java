package dev.ekssteward.scheduler;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecheckQueue;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A node group still CREATING when its CreateNodegroup event arrives (the local AWS's lifecycle
 * states on, as on EKS) is looked at again through the recheck queue until it is ACTIVE, then
 * validated; one that never gets there is reported after six looks. SQS time runs 250 times faster
 * ({@link RecheckQueue}): a five-minute look arrives after 1.2 seconds.
 */
class NewNodegroupLooksIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Duration SCALED_LOOK = Duration.ofSeconds(20);

  private final CallRecorder recorder = new CallRecorder("nodegroup-scheduler");
  private final SentRequests sent = new SentRequests();
  private RecheckQueue queue;

  @BeforeEach
  void seed() {
    new MotoFleet(aws).seed(MotoFleet.fleet().config(MotoFleet.CONFIG).cluster(cluster("dev-1")));
    queue = RecheckQueue.create(aws);
  }

  private NodegroupSchedulerHandler handler() {
    return new NodegroupSchedulerHandler(
        DaggerSchedulerComponent.factory()
            .create(
                NodegroupScheduler.NAME,
                queue.settings(aws.environment(false)),
                Clock.systemUTC(),
                Waits.none(),
                List.of(recorder, sent)));
  }

  /**
   * What someone does: CreateNodegroup (the name in the sample event), which EKS takes a while for.
   */
  private void createGroup(double transitionSeconds, String schedule) {
    aws.options(Map.of("nodegroupTransitionSeconds", transitionSeconds));
    aws.eks()
        .createNodegroup(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName("ng-a")
                    .nodeRole("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-nodes")
                    .subnets("subnet-0abc1234")
                    .scalingConfig(s -> s.minSize(1).desiredSize(2).maxSize(5))
                    .tags(Map.of(Contract.SCHEDULE_TAG, schedule)));
    assertThat(
            aws.eks()
                .describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("ng-a"))
                .nodegroup()
                .statusAsString())
        .isEqualTo("CREATING");
  }

  private Map<String, Object> event() {
    return handler()
        .handle(
            EventFiles.load("scheduler-create-nodegroup.json"),
            new TestContext("nodegroup-scheduler"));
  }

  /** The next look, delivered the way Lambda's event source mapping delivers it. */
  private SQSBatchResponse nextLook() throws InterruptedException {
    List<Message> look = queue.awaitNext(SCALED_LOOK);
    SQSEvent event = new SQSEvent();
    event.setRecords(
        look.stream()
            .map(
                m -> {
                  SQSEvent.SQSMessage r = new SQSEvent.SQSMessage();
                  r.setMessageId(m.messageId());
                  r.setBody(m.body());
                  r.setEventSource("aws:sqs");
                  return r;
                })
            .toList());
    return handler().handle(event, new TestContext("nodegroup-scheduler"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void aGroupStillCreatingIsValidatedOnTheFirstLookAfterItBecameActive() throws Exception {
    createGroup(3600, "Mon-Fri 07:00-19:00 Europe/Berln"); // CREATING until the test ends it

    Map<String, Object> report = event();

    assertThat(list(report, "planned"))
        .singleElement()
        .asInstanceOf(MAP)
        .containsEntry("type", "Skip")
        .extracting("reason")
        .asString()
        .endsWith("status CREATING; not ACTIVE yet");
    assertThat(list(report, "pending"))
        .extracting(p -> p.get("reason"))
        .containsExactly("still in transition; look 1 of 6 in 5 min");
    assertThat(list(report, "findings")).isEmpty();
    assertThat(queue.delayed()).isEqualTo(1);

    // The first look finds it still CREATING and sends the next.
    recorder.clear();
    assertThat(nextLook().getBatchItemFailures()).isEmpty();
    assertThat(sent.audits()).isEmpty();
    assertThat(recorder.calls()).contains("sqs:SendMessage");

    aws.settle(); // EKS has finished creating it
    recorder.clear();
    assertThat(nextLook().getBatchItemFailures()).isEmpty();

    assertThat(sent.audits())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.detailType()).isEqualTo("Schedule Invalid");
              assertThat(a.detail())
                  .containsEntry("nodegroup", "ng-a")
                  .containsEntry("reason", "unknown time zone 'Europe/Berln'");
            });
    assertThat(recorder.calls())
        .contains("eks:DescribeNodegroup")
        .doesNotContain("sqs:SendMessage");
    Thread.sleep(2_000); // a scaled look: none is sent after the group was ACTIVE
    assertThat(queue.receiveNow()).isEmpty();
    assertThat(recorder.mutations()).isEmpty();
  }

  @Test
  void aGroupThatNeverBecomesActiveIsReportedAfterSixLooks() throws Exception {
    createGroup(3600, "Mon-Fri 07:00-19:00 Europe/Berlin");

    event();
    for (int look = 1; look <= 6; look++) {
      assertThat(nextLook().getBatchItemFailures()).as("look " + look).isEmpty();
    }

    assertThat(sent.audits())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.detailType()).isEqualTo("Nodegroup Not Active");
              assertThat(a.resources())
                  .singleElement()
                  .asString()
                  .contains(":nodegroup/dev-1/ng-a/");
              assertThat(a.detail())
                  .containsEntry("cluster", "dev-1")
                  .containsEntry("nodegroup", "ng-a")
                  .containsEntry("status", "CREATING");
              assertThat(((Number) a.detail().get("looks")).intValue()).isEqualTo(7);
              assertThat(((Number) a.detail().get("minutesWaited")).intValue()).isEqualTo(30);
            });
    Thread.sleep(2_000);
    assertThat(queue.receiveNow()).as("no seventh look").isEmpty();
    assertThat(queue.delayed()).isZero();
  }

  @Test
  void aTickLeavesAGroupInTransitionToTheNextTick() {
    createGroup(3600, "Mon-Fri 07:00-19:00 Europe/Berlin");

    Map<String, Object> report =
        handler().handle(EventFiles.load("schedule-tick.json"), new TestContext("ng"));

    assertThat(list(report, "planned"))
        .singleElement()
        .asInstanceOf(MAP)
        .extracting("reason")
        .asString()
        .endsWith("status CREATING; the next tick retries");
    assertThat(recorder.calls()).doesNotContain("sqs:SendMessage");
    assertThat(queue.delayed()).isZero();
  }
}
