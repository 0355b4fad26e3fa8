package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;

/**
 * What real EKS's lifecycle states do to the scheduler, against moto with them on: a group that is
 * still CREATING, a group someone else puts into UPDATING between our look and our call, a wake
 * while our own scale-down is still UPDATING, a group DELETING at night, a group DEGRADED by a
 * failed scale-out at night, and the exclude tag on a cluster.
 */
class LifecycleStatesIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws);
    fleet.seed(MotoFleet.office());
    // What the tests or the scheduler start stays in transition, however slow the machine, until
    // a test settles it (the minutes between two ticks on AWS).
    aws.options(Map.of("nodegroupTransitionSeconds", 3600));
  }

  @Test
  void aGroupStillCreatingIsLeftUntilATickFindsItActive() {
    aws.eks()
        .createNodegroup(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName("ng-a")
                    .nodeRole("arn:aws:iam::123456789012:role/eks-nodes")
                    .subnets("subnet-0abc1234")
                    .scalingConfig(c -> c.minSize(1).desiredSize(2).maxSize(5)));

    // The CloudTrail event arrives while the group is CREATING, as on AWS.
    Map<String, Object> created =
        fleet.run(
            MotoFleet.at(0, "19:01"), EventFiles.load("scheduler-create-nodegroup.json"), false);
    Map<String, Object> evening = fleet.tick(MotoFleet.at(0, "19:05"));

    // The event names the new group: it is looked at again through the recheck queue.
    assertThat(created.get("planned"))
        .asList()
        .singleElement()
        .asInstanceOf(MAP)
        .containsEntry("type", "Skip")
        .containsEntry("reason", "dev-1/ng-a: status CREATING; not ACTIVE yet");
    assertThat(evening.get("planned").toString())
        .contains(":nodegroup/dev-1/ng-a/")
        .contains("reason=dev-1/ng-a: status CREATING; the next tick retries");
    assertThat(fleet.sent.updates()).extracting(u -> u.nodegroupName()).doesNotContain("ng-a");
    assertThat(fleet.describe("dev-1", "ng-a").statusAsString()).isEqualTo("CREATING");

    aws.settle(); // EKS has finished creating it
    fleet.tick(MotoFleet.at(0, "19:10"));

    assertThat(fleet.sizes("dev-1", "ng-a")).isEqualTo(new Sizes(0, 0, 1));
    // The record, signed with the stack's key.
    assertThat(fleet.tags("dev-1", "ng-a").get(Contract.ORIGINAL_SCALING_TAG))
        .matches(
            "1-2-5@"
                + MotoFleet.at(0, "19:10").toString().substring(0, 16)
                + "Z max=1"
                + " mac=v1\\.[A-Za-z0-9_-]{43}");
    assertThat(fleet.sent.audits("Nodegroup Scaled Down")).hasSize(1);
  }

  @Test
  void anUpdateSomeoneStartsBetweenOurLookAndOurCallDefersTheScaleDownToTheNextTick() {
    Map<String, Object> evening =
        fleet.run(
            MotoFleet.at(0, "19:05"),
            MotoFleet.tickEvent(MotoFleet.at(0, "19:05")),
            false,
            List.of(new VersionUpdateBefore("web")));

    // EKS answered 409 on every attempt: deferred, not failed; the record is already written.
    assertThat(evening.get("status")).isEqualTo("ok");
    assertThat(evening.get("applied"))
        .asList()
        .filteredOn(a -> a.toString().contains("/web/"))
        .singleElement()
        .asInstanceOf(MAP)
        .containsEntry("result", "deferred");
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.tags("dev-1", "web")).containsKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sent.audits("Nodegroup Scaled Down"))
        .extracting(a -> a.detail().get("nodegroup"))
        .containsExactlyInAnyOrder("small", "batch");

    Map<String, Object> soon = fleet.tick(MotoFleet.at(0, "19:06"));
    assertThat(fleet.recorder.mutations()).as("web is still UPDATING").isEmpty();
    assertThat(soon.get("findings")).asList().isEmpty();
    aws.settle();
    fleet.tick(MotoFleet.at(0, "19:10"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    // The record, signed with the stack's key.
    assertThat(fleet.tags("dev-1", "web").get(Contract.ORIGINAL_SCALING_TAG))
        .matches(
            "2-3-5@"
                + MotoFleet.at(0, "19:05").toString().substring(0, 16)
                + "Z max=1"
                + " mac=v1\\.[A-Za-z0-9_-]{43}");
    assertThat(fleet.sent.audits("Nodegroup Scaled Down"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).containsEntry("nodegroup", "web"));
  }

  @Test
  void aWakeWhileTheScaleDownIsStillUpdatingKeepsTheGroupUpFromTheNextTick() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    Instant now = MotoFleet.at(0, "19:06");

    Map<String, Object> wake = fleet.run(now, wakeEvent("web"), false);

    // The wake is durable at once (the tag); EKS refuses the restore until the group is ACTIVE.
    assertThat(fleet.recorder.mutations()).containsExactly("eks:TagResource");
    assertThat(fleet.tags("dev-1", "web"))
        .containsEntry(Contract.KEEP_UP_UNTIL_TAG, now.plus(Duration.ofMinutes(60)).toString());
    assertThat(wake.get("planned").toString())
        .contains("reason=dev-1/web: status UPDATING; the next tick retries");
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));

    aws.settle();
    fleet.tick(MotoFleet.at(0, "19:10"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(0, 0, 1));
  }

  @Test
  void aGroupDeletedAtNightIsNeitherTouchedWhileDeletingNorMissedWhenGone() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    aws.settle();
    aws.eks().deleteNodegroup(r -> r.clusterName("dev-1").nodegroupName("web"));

    Map<String, Object> night = fleet.tick(MotoFleet.at(0, "23:00"));

    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(night.get("planned").toString())
        .contains("reason=dev-1/web: status DELETING; the next tick retries");
    aws.settle();

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(morning.get("status")).isEqualTo("ok");
    assertThat(morning.get("errors")).asList().isEmpty();
    assertThat(fleet.sent.updates())
        .extracting(u -> u.nodegroupName())
        .containsExactlyInAnyOrder("small", "batch");
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(ORIGINAL.get("small"));
  }

  @Test
  void aGroupThatTurnedDegradedAtNightIsRestoredInTheMorning() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    aws.settle();
    // Cluster Autoscaler raises desired within the night max; the scale-out fails for capacity.
    aws.eks()
        .updateNodegroupConfig(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName("web")
                    .scalingConfig(c -> c.minSize(0).desiredSize(1).maxSize(1)));
    aws.settle();
    aws.nodegroupStatus("dev-1", "web", "DEGRADED");
    fleet.tick(MotoFleet.at(0, "23:00"));

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(morning.get("status")).isEqualTo("ok");
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .extracting(a -> a.detail().get("nodegroup"))
        .contains("web");
    aws.settle();
    fleet.tick(MotoFleet.at(1, "07:10"));

    // EKS keeps it DEGRADED until a scale-out succeeds; the record is done with all the same.
    assertThat(fleet.describe("dev-1", "web").statusAsString()).isEqualTo("DEGRADED");
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
  }

  @Test
  void anExcludedClusterIsRestoredAtNightAndNeverScaledDown() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    aws.settle();
    String clusterArn = aws.eks().describeCluster(r -> r.name("dev-1")).cluster().arn();
    aws.eks()
        .tagResource(r -> r.resourceArn(clusterArn).tags(Map.of(Contract.EXCLUDE_TAG, "true")));

    fleet.tick(MotoFleet.at(0, "23:00"));

    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(s);
          assertThat(fleet.tags("dev-1", name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .hasSize(ORIGINAL.size())
        .allSatisfy(a -> assertThat(a.detail()).containsEntry("reason", "excluded"));
    aws.settle();

    Map<String, Object> next = fleet.tick(MotoFleet.at(1, "01:00"));

    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(next.get("planned")).asList().isEmpty();
  }

  private static Map<String, Object> wakeEvent(String group) {
    return Map.of(
        "detail-type",
        "Wake Request",
        "source",
        "eks-steward.requests",
        "account",
        LocalAws.ACCOUNT,
        "region",
        LocalAws.REGION,
        "detail",
        Map.of("cluster", "dev-1", "nodegroups", List.of(group), "minutes", 60));
  }

  /**
   * Someone else's UpdateNodegroupVersion on {@code group}, sent just before the function's first
   * UpdateNodegroupConfig of it: between the function's look (ACTIVE) and its call.
   */
  private static final class VersionUpdateBefore implements ExecutionInterceptor {
    private final String group;
    private boolean done;

    VersionUpdateBefore(String group) {
      this.group = group;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
      if (!done
          && context.request() instanceof UpdateNodegroupConfigRequest u
          && u.nodegroupName().equals(group)) {
        done = true;
        aws.eks().updateNodegroupVersion(r -> r.clusterName("dev-1").nodegroupName(group));
      }
    }
  }
}
