package dev.ekssteward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.scheduler.plan.ScheduleSource;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** explain's words for what the scheduler's own planner decides. */
class DecisionTest {
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String ARN = "arn:aws:eks:eu-west-1:123456789012:nodegroup/dev-1/web/0a1b";
  static final Cluster PLAIN =
      new Cluster("dev-1", "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1", Map.of());

  /** Monday 2026-12-07 in Berlin. */
  static Instant monday(int hour, int minute) {
    return ZonedDateTime.of(2026, 12, 7, hour, minute, 0, 0, BERLIN).toInstant();
  }

  static SchedulerConfig config(String defaultSchedule) {
    return StewardConfig.parse(
            """
            {"scheduler": {%s"schedules": {"office-hours": {"timezone": "Europe/Berlin",
              "uptime": ["Mon-Fri 07:00-19:00"]}}}}
            """
                .formatted(
                    defaultSchedule == null
                        ? ""
                        : "\"defaultSchedule\": \"" + defaultSchedule + "\", "),
            "test")
        .scheduler();
  }

  static Nodegroup web(Map<String, String> tags) {
    return new Nodegroup(
        "dev-1",
        "web",
        ARN,
        "ACTIVE",
        new Sizes(2, 3, 5),
        tags,
        Instant.parse("2026-11-01T00:00:00Z"),
        List.of(),
        null,
        null);
  }

  static List<String> words(Cluster cluster, Nodegroup g, SchedulerConfig config, Instant at) {
    var plan =
        NodegroupPlanner.plan(new ClusterState(cluster, List.of(g)), config, at, Selection.ALL);
    ScheduleSource source = ScheduleSource.of(g.tags(), cluster.tags(), config);
    dev.ekssteward.scheduler.schedule.Schedule schedule = null;
    try {
      schedule = source == null ? null : ScheduleValue.parse(source.value(), config);
    } catch (dev.ekssteward.scheduler.schedule.InvalidSchedule e) {
      // explain says so from the plan's finding
    }
    return Decision.words(plan, g, source, schedule, at);
  }

  @Test
  void anEveningScaleDownNamesTheTimeTheScheduleAndTheGroupsTag() {
    List<String> words =
        words(
            PLAIN, web(Map.of(Contract.SCHEDULE_TAG, "office-hours")), config(null), monday(20, 0));
    assertThat(words)
        .containsExactly(
            "scale down at 19:00 by schedule office-hours from the group's tag: to min 0 /"
                + " desired 0 / max 1, recording 2-3-5");
  }

  @Test
  void theSourceIsTheClusterTagOrTheConfigDefaultWhenTheGroupHasNoTag() {
    Cluster tagged =
        new Cluster("dev-1", PLAIN.arn(), Map.of(Contract.SCHEDULE_TAG, "office-hours"));
    assertThat(words(tagged, web(Map.of()), config(null), monday(20, 0)).get(0))
        .startsWith("scale down at 19:00 by schedule office-hours from the cluster's tag");
    assertThat(words(PLAIN, web(Map.of()), config("office-hours"), monday(20, 0)).get(0))
        .startsWith(
            "scale down at 19:00 by schedule office-hours from the config's"
                + " scheduler.defaultSchedule");
  }

  @Test
  void byDayOrWithoutScheduleNothingHappensAndItSaysWhy() {
    assertThat(
            words(
                PLAIN,
                web(Map.of(Contract.SCHEDULE_TAG, "office-hours")),
                config(null),
                monday(10, 0)))
        .containsExactly(
            "nothing to do: up, inside the uptime of schedule office-hours from the group's tag");
    assertThat(words(PLAIN, web(Map.of()), config(null), monday(20, 0)))
        .containsExactly("nothing to do: " + Source.NONE);
  }

  @Test
  void anInvalidScheduleIsTheSchedulersFinding() {
    List<String> words =
        words(
            PLAIN,
            web(Map.of(Contract.SCHEDULE_TAG, "nights")),
            configWithoutSchedule(),
            monday(20, 0));
    assertThat(words.get(0))
        .startsWith("leave it alone: dev-1/web: invalid schedule: 'nights' is neither");
    assertThat(words.get(1)).startsWith("finding Schedule Invalid: ");
  }

  private static SchedulerConfig configWithoutSchedule() {
    return StewardConfig.parse("{}", "test").scheduler();
  }

  @Test
  void theNextChangeIsTheFirstMinuteTheScheduleFlips() {
    var schedule = ScheduleValue.parse("office-hours", config(null));
    assertThat(NextChange.after(schedule, monday(20, 0)))
        .isEqualTo(
            new NextChange(ZonedDateTime.of(2026, 12, 8, 7, 0, 0, 0, BERLIN).toInstant(), true));
    assertThat(NextChange.after(schedule, monday(10, 30)))
        .isEqualTo(new NextChange(monday(19, 0), false));
  }
}
