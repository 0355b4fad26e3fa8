package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.CONFIG;
import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.model.UpdateNodegroupConfigRequest;

/** The function end to end against moto: real tags, real sizes, real calls and audit events. */
class NodegroupSchedulerIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws);
    fleet.seed(
        MotoFleet.fleet()
            .config(CONFIG)
            .cluster(
                cluster("dev-1")
                    .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
                    .nodegroup(MotoFleet.group("small", ORIGINAL.get("small"), Map.of()))
                    .nodegroup(MotoFleet.group("web", ORIGINAL.get("web"), Map.of()))
                    // Its own tag wins over the cluster's: same hours, written inline.
                    .nodegroup(
                        MotoFleet.group(
                            "batch",
                            ORIGINAL.get("batch"),
                            Map.of(Contract.SCHEDULE_TAG, "Mon-Fri 07:00-19:00 Europe/Berlin")))));
  }

  @Test
  void eveningNightMorningRestoresExactSizes() {
    Map<String, Object> day = fleet.tick(MotoFleet.at(0, "18:55"));
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(day.get("planned")).asList().isEmpty();

    Map<String, Object> evening = fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(evening.get("status")).isEqualTo("ok");
    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(new Sizes(0, 0, 1));
          // The record, signed with the stack's key (43 characters of base64url).
          assertThat(fleet.tags("dev-1", name).get(Contract.ORIGINAL_SCALING_TAG))
              .matches(
                  s.encode()
                      + "@"
                      + MotoFleet.at(0, "19:05").toString().substring(0, 16)
                      + "Z max=1 mac=v1\\.[A-Za-z0-9_-]{43}");
        });
    assertThat(fleet.sent.audits("Nodegroup Scaled Down"))
        .hasSize(3)
        .anySatisfy(
            a -> {
              assertThat(a.detail())
                  .containsEntry("nodegroup", "web")
                  .containsEntry("before", json(2, 3, 5))
                  .containsEntry("after", json(0, 0, 1));
              assertThat(a.resources())
                  .singleElement()
                  .asString()
                  .contains(":nodegroup/dev-1/web/");
            });
    assertThat(metric(evening, "ScaledDown")).isEqualTo(3.0);

    aws.settle();
    fleet.tick(MotoFleet.at(1, "03:00"));
    assertThat(fleet.recorder.mutations()).isEmpty();

    aws.settle();
    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));
    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(s);
          assertThat(fleet.tags("dev-1", name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .hasSize(3)
        .anySatisfy(
            a ->
                assertThat(a.detail())
                    .containsEntry("nodegroup", "batch")
                    .containsEntry("before", json(0, 0, 1))
                    .containsEntry("after", json(0, 4, 10)));
    assertThat(metric(morning, "ScaledUp")).isEqualTo(3.0);
    // 12 hours down: (1 + 3 + 4) desired nodes x 12 h.
    assertThat(metric(morning, "NodeHoursAvoided")).isEqualTo(96.0);
  }

  /**
   * EKS keeps a group UPDATING for minutes after UpdateNodegroupConfig and refuses another update
   * meanwhile (409). A tick that finds the groups still UPDATING after the scale-down neither takes
   * their night sizes for a change nor sends an update: it waits, and the next tick finds them
   * ACTIVE at exactly their night state.
   */
  @Test
  void aTickWhileTheScaleDownIsStillUpdatingWaitsForIt() {
    // UPDATING until the test settles it, however long the next tick takes to start.
    aws.options(Map.of("nodegroupTransitionSeconds", 3600));
    fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(fleet.describe("dev-1", "web").statusAsString()).isEqualTo("UPDATING");

    Map<String, Object> soon = fleet.tick(MotoFleet.at(0, "19:10"));

    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(soon.get("findings")).asList().isEmpty();
    assertThat(soon.get("planned").toString())
        .contains("target=" + fleet.describe("dev-1", "web").nodegroupArn())
        .contains("reason=dev-1/web: status UPDATING; the next tick retries");
    aws.settle();

    Map<String, Object> later = fleet.tick(MotoFleet.at(0, "19:15"));

    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(later.get("planned")).asList().isEmpty();
    assertThat(later.get("findings")).asList().isEmpty();
    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.describe("dev-1", name).statusAsString()).isEqualTo("ACTIVE");
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(new Sizes(0, 0, 1));
          assertThat(fleet.tags("dev-1", name).get(Contract.ORIGINAL_SCALING_TAG))
              .matches(
                  s.encode()
                      + "@"
                      + MotoFleet.at(0, "19:05").toString().substring(0, 16)
                      + "Z max=1 mac=v1\\.[A-Za-z0-9_-]{43}");
        });
  }

  @Test
  void duplicatedTickChangesNothingAndEmitsNoSecondEvent() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(fleet.sent.audits("Nodegroup Scaled Down")).hasSize(3);

    Map<String, Object> again =
        fleet.run(MotoFleet.at(0, "19:05"), MotoFleet.tickEvent(MotoFleet.at(0, "19:05")), false);

    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.sent.audits()).isEmpty();
    assertThat(again.get("applied")).asList().isEmpty();
  }

  @Test
  void manualChangeDuringTheNightIsRespected() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    aws.settle();
    aws.eks()
        .updateNodegroupConfig(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName("web")
                    .scalingConfig(c -> c.minSize(1).desiredSize(1).maxSize(5)));

    aws.settle();
    fleet.tick(MotoFleet.at(0, "23:00"));
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(1, 1, 5));

    Map<String, Object> morning = fleet.tick(MotoFleet.at(1, "07:05"));
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(1, 1, 5));
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sent.audits("Nodegroup Changed While Down"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("nodegroup", "web")
                    .containsEntry("recorded", json(2, 3, 5))
                    .containsEntry("current", json(1, 1, 5)));
    assertThat(fleet.sent.updates()).noneMatch(u -> u.nodegroupName().equals("web"));
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(ORIGINAL.get("small"));
    assertThat(morning.get("findings")).asList().hasSize(1);
  }

  @Test
  void excludedGroupIsRestored() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    String arn = fleet.describe("dev-1", "web").nodegroupArn();
    aws.eks().tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.EXCLUDE_TAG, "true")));
    aws.settle();

    fleet.tick(MotoFleet.at(0, "23:00"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).containsEntry("reason", "excluded"));
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(0, 0, 1));
  }

  @Test
  void keepUpUntilKeepsTheGroupUpUntilThen() {
    String arn = fleet.describe("dev-1", "web").nodegroupArn();
    aws.eks()
        .tagResource(
            r ->
                r.resourceArn(arn)
                    .tags(Map.of(Contract.KEEP_UP_UNTIL_TAG, MotoFleet.at(0, "21:00").toString())));

    fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(0, 0, 1));

    fleet.tick(MotoFleet.at(0, "21:05"));
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
  }

  @Test
  void wakeRestoresNowAndKeepsUpForTheRequestedMinutes() {
    fleet.tick(MotoFleet.at(0, "19:05"));
    aws.settle();

    Map<String, Object> wake =
        fleet.run(
            MotoFleet.at(0, "23:00"),
            Map.of(
                "detail-type",
                "Wake Request",
                "source",
                "eks-steward.requests",
                "account",
                LocalAws.ACCOUNT,
                "region",
                LocalAws.REGION,
                "detail",
                Map.of("cluster", "dev-1", "nodegroups", List.of("web"), "minutes", 60)),
            false);

    assertThat(wake.get("status")).isEqualTo("ok");
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.tags("dev-1", "web"))
        .containsEntry(Contract.KEEP_UP_UNTIL_TAG, MotoFleet.at(1, "00:00").toString())
        .doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.sent.audits("Nodegroup Kept Up"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("cluster", "dev-1")
                    .containsEntry("nodegroup", "web")
                    .containsEntry("until", MotoFleet.at(1, "00:00").toString()));

    fleet.tick(MotoFleet.at(0, "23:30"));
    assertThat(fleet.recorder.mutations()).isEmpty();

    aws.settle();
    fleet.tick(MotoFleet.at(1, "00:05"));
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.tags("dev-1", "web")).containsKey(Contract.ORIGINAL_SCALING_TAG);
  }

  @Test
  void invalidScheduleChangesNothingAndReports() {
    String arn = fleet.describe("dev-1", "web").nodegroupArn();
    aws.eks()
        .tagResource(
            r ->
                r.resourceArn(arn)
                    .tags(Map.of(Contract.SCHEDULE_TAG, "weekdays 9-5 Europe/Berlin")));

    Map<String, Object> report = fleet.tick(MotoFleet.at(0, "19:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sent.updates()).noneMatch(u -> u.nodegroupName().equals("web"));
    assertThat(fleet.sent.audits("Schedule Invalid"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("nodegroup", "web")
                    .containsEntry("value", "weekdays 9-5 Europe/Berlin")
                    .containsEntry(
                        "reason",
                        "window 'weekdays 9-5' is not like 'Mon-Fri 07:00-19:00' (days, then"
                            + " HH:MM-HH:MM)"));
    assertThat(report.get("findings")).asList().hasSize(1);
    // Every other group still runs.
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(new Sizes(0, 0, 1));
  }

  @Test
  void maxSizeIsNeverSentBelowOne() {
    fleet.group("dev-1", "tiny", new Sizes(1, 1, 1), Map.of());

    fleet.tick(MotoFleet.at(0, "19:05"));
    List<UpdateNodegroupConfigRequest> down = fleet.sent.updates();
    aws.settle();
    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(down).hasSize(4);
    assertThat(down)
        .allSatisfy(u -> assertThat(u.scalingConfig().maxSize()).isGreaterThanOrEqualTo(1));
    assertThat(fleet.sent.updates())
        .hasSize(4)
        .allSatisfy(u -> assertThat(u.scalingConfig().maxSize()).isGreaterThanOrEqualTo(1));
    assertThat(fleet.sizes("dev-1", "tiny")).isEqualTo(new Sizes(1, 1, 1));
  }

  @Test
  void dryRunPlansAndChangesNothing() {
    Map<String, Object> report =
        fleet.run(MotoFleet.at(0, "19:05"), MotoFleet.tickEvent(MotoFleet.at(0, "19:05")), true);

    assertThat(report.get("dryRun")).isEqualTo(true);
    // Exactly what a live run does: the three scale-downs and the record index write they need.
    assertThat(report.get("planned"))
        .asList()
        .extracting(a -> (String) ((Map<?, ?>) a).get("type"))
        .containsExactlyInAnyOrder("ScaleDown", "ScaleDown", "ScaleDown", "UpdateRecordIndex");
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(MotoFleet.indexed(aws)).isEmpty();
    ORIGINAL.forEach((name, s) -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(s));
  }

  @Test
  void invalidConfigMeansNoMutationAtAll() {
    fleet.config(
        """
        {"scheduler": {"defaultSchedule": "nights", "schedules": {"office":
          {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 07:00-19:00"]}}}}
        """);

    Map<String, Object> report = fleet.tick(MotoFleet.at(0, "19:05"));

    assertThat(report.get("status")).isEqualTo("invalid-config");
    assertThat((String) report.get("reason")).contains("$.scheduler.defaultSchedule");
    assertThat(fleet.recorder.mutations()).isEmpty();
    ORIGINAL.forEach((name, s) -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(s));
  }

  /** Sizes as the audit event's JSON detail reads back (numbers are BigDecimal). */
  private static Map<String, Object> json(int min, int desired, int max) {
    return Map.of(
        "minSize", java.math.BigDecimal.valueOf(min),
        "desiredSize", java.math.BigDecimal.valueOf(desired),
        "maxSize", java.math.BigDecimal.valueOf(max));
  }

  @SuppressWarnings("unchecked")
  private static double metric(Map<String, Object> report, String name) {
    return ((Map<String, Double>) report.get("metrics")).getOrDefault(name, 0.0);
  }
}
