package dev.ekssteward.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure decisions: precedence of schedule sources, exclusions, the grace period, skips. */
class NodegroupPlannerTest {
  static final StewardConfig CONFIG =
      StewardConfig.parse(
          """
          {"scheduler": {"defaultSchedule": "always-down", "gracePeriodMinutes": 30,
            "acceptUnsignedRecordsUntil": "2099-01-01T00:00:00Z",
            "schedules": {"always-down": {"timezone": "UTC", "uptime": ["Sun 00:00-00:01"]},
                          "always-up": {"timezone": "UTC", "uptime": ["Mon-Sun 00:00-23:59"]}}}}
          """,
          "test");

  /** Wednesday 12:00 UTC. */
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  static final Selection TICK = Selection.ALL;

  private static Nodegroup group(String name, Map<String, String> tags) {
    return new Nodegroup(
        "dev-1",
        name,
        "arn:ng/" + name,
        "ACTIVE",
        new Sizes(1, 2, 3),
        tags,
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of(),
        null,
        null);
  }

  private static Plan plan(Map<String, String> clusterTags, Nodegroup... groups) {
    return NodegroupPlanner.plan(
        new ClusterState(new Cluster("dev-1", "arn:cluster", clusterTags), List.of(groups)),
        CONFIG.scheduler(),
        NOW,
        TICK);
  }

  private static List<String> types(Plan plan) {
    return plan.actions().stream().map(Action::type).toList();
  }

  @Test
  void nodegroupTagWinsOverClusterTagWhichWinsOverTheDefault() {
    assertThat(types(plan(Map.of(), group("a", Map.of())))).containsExactly("ScaleDown");
    assertThat(types(plan(Map.of(Contract.SCHEDULE_TAG, "always-up"), group("a", Map.of()))))
        .isEmpty();
    assertThat(
            types(
                plan(
                    Map.of(Contract.SCHEDULE_TAG, "always-up"),
                    group("a", Map.of(Contract.SCHEDULE_TAG, "always-down")))))
        .containsExactly("ScaleDown");
  }

  @Test
  void scaleDownsCountAsChangesAndThoseByTheDefaultScheduleAsInferred() {
    Plan plan =
        plan(
            Map.of(),
            group("tagged", Map.of(Contract.SCHEDULE_TAG, "always-down")),
            group("by-default", Map.of()),
            group("up", Map.of(Contract.SCHEDULE_TAG, "always-up")));

    assertThat(plan.reach()).isEqualTo(new Reach(3, 2, 1));
    // The cluster's own tag is no default either.
    assertThat(plan(Map.of(Contract.SCHEDULE_TAG, "always-down"), group("a", Map.of())).reach())
        .isEqualTo(new Reach(1, 1, 0));
  }

  @Test
  void aRestoreIsNeverCounted() {
    Nodegroup down =
        new Nodegroup(
            "dev-1",
            "a",
            "arn:ng/a",
            "ACTIVE",
            new Sizes(0, 0, 3),
            Map.of(
                Contract.ORIGINAL_SCALING_TAG,
                "1-2-3@2026-11-24T18:00Z",
                Contract.SCHEDULE_TAG,
                "always-up"),
            null,
            List.of(),
            null,
            null);

    Plan plan = plan(Map.of(), down);

    assertThat(types(plan)).containsExactly("Restore");
    assertThat(plan.reach()).isEqualTo(new Reach(1, 0, 0));
  }

  @Test
  void clusterExcludeRestoresADownGroup() {
    Nodegroup down =
        new Nodegroup(
            "dev-1",
            "a",
            "arn:ng/a",
            "ACTIVE",
            new Sizes(0, 0, 3),
            Map.of(Contract.ORIGINAL_SCALING_TAG, "1-2-3@2026-11-24T18:00Z"),
            null,
            List.of(),
            null,
            null);

    Plan plan = plan(Map.of(Contract.EXCLUDE_TAG, "true"), down);

    assertThat(plan.actions()).singleElement().isInstanceOf(Restore.class);
    assertThat(((Restore) plan.actions().get(0)).record().sizes()).isEqualTo(new Sizes(1, 2, 3));
    assertThat(plan.metrics())
        .containsEntry("ScaledUp", 1.0)
        .containsEntry(Metrics.perCluster("NodeHoursAvoided"), 36.0);
  }

  @Test
  void youngGroupsAndGroupsAtZeroAreSkippedWithTheReason() {
    Nodegroup young =
        new Nodegroup(
            "dev-1",
            "young",
            "arn:ng/young",
            "ACTIVE",
            new Sizes(1, 2, 3),
            Map.of(),
            NOW.minusSeconds(29 * 60),
            List.of(),
            null,
            null);
    Nodegroup zero =
        new Nodegroup(
            "dev-1",
            "zero",
            "arn:ng/zero",
            "ACTIVE",
            new Sizes(0, 0, 3),
            Map.of(),
            null,
            List.of(),
            null,
            null);

    Plan plan = plan(Map.of(), young, zero);

    assertThat(plan.actions())
        .extracting(a -> ((Action.Skip) a).reason())
        .containsExactly(
            "dev-1/young: younger than the grace period of 30 min",
            "dev-1/zero: already at min 0 / desired 0; nothing to record");
  }

  @Test
  void unreadableRecordIsLeftAlone() {
    Plan plan = plan(Map.of(), group("a", Map.of(Contract.ORIGINAL_SCALING_TAG, "2,3,5")));

    assertThat(plan.actions())
        .singleElement()
        .satisfies(a -> assertThat(((Action.Skip) a).reason()).contains("unreadable"));
  }

  @Test
  void invalidKeepUpUntilIsReportedAndChangesNothing() {
    Plan plan = plan(Map.of(), group("a", Map.of(Contract.KEEP_UP_UNTIL_TAG, "tonight")));

    assertThat(types(plan)).containsExactly("Skip");
    assertThat(plan.findings())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detailType()).isEqualTo("Schedule Invalid");
              assertThat(f.detail()).containsEntry("value", "tonight");
            });
  }

  static final Selection.One CREATED =
      new Selection.One("CreateNodegroup", "nodegroup", "a", null, true, null, List.of(), 0);

  private static Nodegroup inStatus(String status) {
    return new Nodegroup(
        "dev-1", "a", "arn:ng/a", status, new Sizes(1, 2, 3), Map.of(), NOW, List.of(), null, null);
  }

  private static Plan created(Nodegroup g) {
    return NodegroupPlanner.plan(
        new ClusterState(new Cluster("dev-1", "arn:cluster", Map.of()), List.of(g)),
        CONFIG.scheduler(),
        NOW,
        CREATED);
  }

  @Test
  void aNewGroupStillInTransitionIsLookedAtAgainEveryFiveMinutesSixTimes() {
    for (String status : List.of("CREATING", "UPDATING")) {
      Plan plan = created(inStatus(status));

      assertThat(plan.lookAgain()).as(status).isNotNull();
      assertThat(plan.lookAgain().after()).isEqualTo(java.time.Duration.ofMinutes(5));
      assertThat(plan.lookAgain().limit()).isEqualTo(6);
      assertThat(plan.lookAgain().giveUp().detailType()).isEqualTo("Nodegroup Not Active");
      assertThat(plan.lookAgain().giveUp().target()).isEqualTo("arn:ng/a");
      assertThat(plan.lookAgain().giveUp().detail())
          .isEqualTo(Map.of("cluster", "dev-1", "nodegroup", "a", "status", status));
      assertThat(plan.findings()).isEmpty();
      assertThat(plan.actions())
          .extracting(a -> ((Action.Skip) a).reason())
          .containsExactly("dev-1/a: status " + status + "; not ACTIVE yet");
    }
  }

  @Test
  void aNewGroupThatFailedIsReportedAtOnceAndATickNeverLooksAgain() {
    Plan failed = created(inStatus("CREATE_FAILED"));
    Plan deleting = created(inStatus("DELETING"));
    Plan tick = plan(Map.of(), inStatus("CREATING"));

    assertThat(failed.lookAgain()).isNull();
    assertThat(failed.findings())
        .extracting(f -> f.detailType(), f -> f.detail().get("status"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Nodegroup Not Active", "CREATE_FAILED"));
    assertThat(deleting.lookAgain()).isNull();
    assertThat(deleting.findings()).isEmpty();
    assertThat(tick.lookAgain()).isNull();
    assertThat(tick.actions())
        .extracting(a -> ((Action.Skip) a).reason())
        .containsExactly("dev-1/a: status CREATING; the next tick retries");
  }

  @Test
  void aNewGroupThatIsActiveIsPlannedAsUsual() {
    Plan plan = created(inStatus("ACTIVE"));

    assertThat(plan.lookAgain()).isNull();
    assertThat(plan.actions())
        .extracting(a -> ((Action.Skip) a).reason())
        .containsExactly("dev-1/a: younger than the grace period of 30 min");
  }
}
