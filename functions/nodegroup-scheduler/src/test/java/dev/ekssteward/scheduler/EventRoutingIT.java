package dev.ekssteward.scheduler;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.MAP;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Each sample event in events/ the scheduler receives, loaded as the Lambda runtime does. */
class EventRoutingIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws);
    fleet.seed(MotoFleet.fleet().cluster(cluster("dev-1")));
  }

  @Test
  void scheduleTickEvaluatesEveryCluster() {
    fleet.group(
        "dev-1",
        "ng-a",
        new Sizes(1, 2, 5),
        Map.of(Contract.SCHEDULE_TAG, "Mon-Fri 07:00-19:00 Europe/Berlin"));

    Map<String, Object> report =
        fleet.run(MotoFleet.at(0, "19:05"), EventFiles.load("schedule-tick.json"), false);

    assertThat(report.get("trigger")).asInstanceOf(MAP).containsEntry("kind", "schedule");
    // The cluster enters the record index first, then its group goes down.
    assertThat(report.get("applied"))
        .asList()
        .extracting(a -> ((Map<?, ?>) a).get("type") + " " + ((Map<?, ?>) a).get("result"))
        .containsExactly("UpdateRecordIndex applied", "ScaleDown applied");
    assertThat(fleet.sizes("dev-1", "ng-a")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(MotoFleet.indexed(aws)).containsExactly("dev-1");
  }

  @Test
  void createNodegroupIsEvaluatedAtOnceButTheGracePeriodHolds() {
    fleet.group("dev-1", "ng-a", new Sizes(1, 2, 5), Map.of(Contract.SCHEDULE_TAG, neverNow()));

    Map<String, Object> report =
        fleet.run(
            Instant.now().plusSeconds(60),
            EventFiles.load("scheduler-create-nodegroup.json"),
            false);

    assertThat(report.get("trigger"))
        .asInstanceOf(MAP)
        .containsEntry("eventName", "CreateNodegroup");
    assertThat(report.get("planned"))
        .asList()
        .singleElement()
        .asInstanceOf(MAP)
        .containsEntry("type", "Skip")
        .extracting("reason")
        .asString()
        .endsWith("younger than the grace period of 30 min");
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.recorder.calls()).doesNotContain("eks:ListNodegroups");
  }

  @Test
  void createNodegroupWithAnInvalidScheduleIsReported() {
    fleet.group(
        "dev-1",
        "ng-a",
        new Sizes(1, 2, 5),
        Map.of(Contract.SCHEDULE_TAG, "Mon-Fri 07:00-19:00 Europe/Berln"));

    Map<String, Object> report =
        fleet.run(
            Instant.now().plusSeconds(60),
            EventFiles.load("scheduler-create-nodegroup.json"),
            false);

    assertThat(report.get("findings"))
        .asList()
        .singleElement()
        .asInstanceOf(MAP)
        .containsEntry("detailType", "Schedule Invalid")
        .containsEntry("reason", "unknown time zone 'Europe/Berln'");
    assertThat(fleet.sent.audits("Schedule Invalid")).hasSize(1);
    assertThat(fleet.recorder.mutations()).isEmpty();
  }

  @Test
  void failedCreateNodegroupIsIgnored() {
    Map<String, Object> event =
        EventFiles.withDetail(
            "scheduler-create-nodegroup.json", "errorCode", "ResourceLimitExceededException");

    Map<String, Object> report = fleet.run(Instant.now(), event, false);

    assertThat(report.get("status")).isEqualTo("ignored");
    assertThat(report.get("reason"))
        .isEqualTo("the call failed (ResourceLimitExceededException); nothing changed");
    assertThat(fleet.recorder.calls()).doesNotContain("eks:DescribeNodegroup");
  }

  @Test
  void wakeRequestRestoresAndKeepsUp() {
    fleet.group(
        "dev-1",
        "ng-a",
        new Sizes(1, 2, 5),
        Map.of(Contract.SCHEDULE_TAG, "Mon-Fri 07:00-19:00 Europe/Berlin"));
    fleet.group(
        "dev-1",
        "ng-b",
        new Sizes(1, 1, 3),
        Map.of(Contract.SCHEDULE_TAG, "Mon-Fri 07:00-19:00 Europe/Berlin"));
    fleet.tick(MotoFleet.at(0, "19:05"));
    aws.settle();

    Instant now = MotoFleet.at(0, "22:30");
    // Sent a few minutes before this run handles it: the wake counts from the event's time.
    Instant sent = now.minus(Duration.ofMinutes(4));
    Map<String, Object> event = new HashMap<>(EventFiles.load("scheduler-wake.json"));
    event.put("time", sent.toString());
    Map<String, Object> report = fleet.run(now, event, false);

    assertThat(report.get("trigger")).asInstanceOf(MAP).containsEntry("kind", "wake");
    assertThat(fleet.sizes("dev-1", "ng-a")).isEqualTo(new Sizes(1, 2, 5));
    assertThat(fleet.tags("dev-1", "ng-a"))
        .containsEntry(Contract.KEEP_UP_UNTIL_TAG, sent.plus(Duration.ofMinutes(180)).toString());
    assertThat(fleet.sizes("dev-1", "ng-b")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.recorder.mutations())
        .containsExactly("eks:TagResource", "eks:UpdateNodegroupConfig", "eks:UntagResource");
  }

  /** An inline window that is never up at this moment: one minute, two days from now. */
  private static String neverNow() {
    DayOfWeek day = Instant.now().atZone(ZoneOffset.UTC).getDayOfWeek().plus(2);
    return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " 00:00-00:01 UTC";
  }
}
