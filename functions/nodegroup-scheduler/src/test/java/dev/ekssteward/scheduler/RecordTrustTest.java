package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.testing.LocalRecordSigner;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Seals;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Size records are acted on only when the steward wrote them: signed with the record key for that
 * very group, or an earlier version's unsigned record that agrees with the group; and never above
 * scheduler.maxRestoreNodes. Through the real controller and executors, with the key in memory.
 */
class RecordTrustTest {
  static final Instant EVENING = Instant.parse("2026-11-25T18:05:00Z");
  static final Instant NIGHT = Instant.parse("2026-11-25T23:00:00Z");
  static final Instant MORNING = Instant.parse("2026-11-26T06:05:00Z");
  static final Sizes NIGHT_STATE = new Sizes(0, 0, 1);
  static final String FORGED = "400-400-450@2026-11-25T18:05Z max=1";

  private static FakeTicks fleet(String config, Sizes sizes, String record) {
    FakeTicks t = new FakeTicks(config);
    t.eks.addCluster("dev-1", Map.of());
    t.eks.addGroup(
        "dev-1",
        "web",
        sizes,
        record == null ? Map.of() : Map.of(Contract.ORIGINAL_SCALING_TAG, record),
        ConvergenceTest.CREATED);
    t.eks.updatingAfterUpdate(false);
    return t;
  }

  private static FakeTicks fleet(Sizes sizes, String record) {
    return fleet(ConvergenceTest.CONFIG, sizes, record);
  }

  /** While the migration from the versions before signing is still going on. */
  static final String MIGRATING =
      ConvergenceTest.CONFIG.replace(
          "\"defaultSchedule\"",
          "\"acceptUnsignedRecordsUntil\": \"2099-01-01T00:00:00Z\", \"defaultSchedule\"");

  private static String signed(LocalRecordSigner key, String arn, String body) {
    return Seals.seal(key, Contract.ORIGINAL_SCALING_TAG, arn, body);
  }

  private static List<Finding> findings(FakeTicks t, String type) {
    Plan last = t.plans.get(t.plans.size() - 1);
    return last.findings().stream().filter(f -> f.detailType().equals(type)).toList();
  }

  private static List<String> updates(FakeTicks t) {
    return t.eks.calls().stream().filter(c -> c.startsWith("UpdateNodegroupConfig")).toList();
  }

  @Test
  void anUnsignedRecordOnADownGroupIsReportedAndNotRestored() {
    FakeTicks t = fleet(NIGHT_STATE, FORGED);

    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(NIGHT_STATE);
    assertThat(t.eks.tags("dev-1", "web")).containsEntry(Contract.ORIGINAL_SCALING_TAG, FORGED);
    assertThat(updates(t)).isEmpty();
    assertThat(findings(t, Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.target()).contains(":nodegroup/dev-1/web/");
              assertThat(f.detail())
                  .containsEntry("reason", "unsigned")
                  .containsEntry("value", FORGED);
            });
  }

  @Test
  void aRecordSignedWithAnotherKeyIsReportedAndNotRestored() {
    FakeTicks t = fleet(NIGHT_STATE, null);
    String arn = t.eks.describeNodegroup("dev-1", "web").arn();
    t.eks.tagResource(
        arn,
        Map.of(
            Contract.ORIGINAL_SCALING_TAG,
            signed(LocalRecordSigner.other("not-the-stack-key"), arn, FORGED)));

    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(NIGHT_STATE);
    assertThat(updates(t)).isEmpty();
    assertThat(findings(t, Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).containsEntry("reason", "bad signature"));
  }

  @Test
  void aRecordCopiedFromAnotherGroupDoesNotVerify() {
    FakeTicks t = fleet(new Sizes(2, 3, 5), null);
    t.eks.addGroup("dev-1", "batch", new Sizes(0, 40, 50), Map.of(), ConvergenceTest.CREATED);
    t.tick(EVENING);
    String webRecord = t.eks.tags("dev-1", "web").get(Contract.ORIGINAL_SCALING_TAG);
    String batchArn = t.eks.describeNodegroup("dev-1", "batch").arn();
    // Someone who may tag copies web's genuine record onto batch, hoping for 2-3-5 there.
    t.eks.tagResource(batchArn, Map.of(Contract.ORIGINAL_SCALING_TAG, webRecord));
    t.eks.setSizes("dev-1", "batch", NIGHT_STATE);

    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.sizes("dev-1", "batch")).isEqualTo(NIGHT_STATE);
    assertThat(findings(t, Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.target()).isEqualTo(batchArn);
              assertThat(f.detail()).containsEntry("reason", "bad signature");
            });
  }

  @Test
  void anEarlierVersionsRecordThatAgreesIsResignedAtNightAndRestoredInTheMorning() {
    String legacy = "2-3-5@2026-11-25T18:05Z";
    FakeTicks t = fleet(MIGRATING, new Sizes(0, 1, 5), legacy);
    String arn = t.eks.describeNodegroup("dev-1", "web").arn();

    t.tick(NIGHT);

    String resigned = t.eks.tags("dev-1", "web").get(Contract.ORIGINAL_SCALING_TAG);
    assertThat(resigned).startsWith("2-3-5@2026-11-25T18:05Z max=5 mac=v1.");
    assertThat(
            Seals.verify(
                LocalRecordSigner.KEY, Contract.ORIGINAL_SCALING_TAG, arn, Sealed.parse(resigned)))
        .isEqualTo(Trust.SIGNED);
    assertThat(updates(t)).isEmpty();
    assertThat(t.outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.action().type()).isEqualTo("ResignRecord");
              assertThat(o.status()).isEqualTo(Outcome.Status.APPLIED);
              assertThat(o.events())
                  .singleElement()
                  .satisfies(e -> assertThat(e.detailType()).isEqualTo("Size Record Re-signed"));
            });

    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
  }

  @Test
  void anEarlierVersionsRecordThatDoesNotAgreeIsReported() {
    // Earlier versions kept the group's own max at night: max 1 cannot be 400-400-450's night.
    String legacy = "400-400-450@2026-11-25T18:05Z";
    FakeTicks t = fleet(MIGRATING, NIGHT_STATE, legacy);

    t.tick(NIGHT);
    assertThat(t.eks.tags("dev-1", "web")).containsEntry(Contract.ORIGINAL_SCALING_TAG, legacy);
    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(NIGHT_STATE);
    assertLeftAlone(t, "does not agree with the group");
  }

  @Test
  void anUnsignedRecordOnAScaleFromZeroGroupIsNeitherRestoredNorSignedByDefault() {
    // Someone who may only tag writes sizes a 0-0-8 group never had; they agree with it.
    String forged = "8-8-8@2026-01-01T00:00Z";
    FakeTicks t = fleet(new Sizes(0, 0, 8), forged);

    t.tick(NIGHT);
    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 8));
    assertThat(t.eks.tags("dev-1", "web")).containsEntry(Contract.ORIGINAL_SCALING_TAG, forged);
    assertLeftAlone(t, "scheduler.acceptUnsignedRecordsUntil");
  }

  @Test
  void aRestoreOverTheCapIsRefusedAndReported() {
    String config =
        ConvergenceTest.CONFIG.replace(
            "\"defaultSchedule\"", "\"maxRestoreNodes\": 4, \"defaultSchedule\"");
    FakeTicks t = fleet(config, NIGHT_STATE, null);
    String arn = t.eks.describeNodegroup("dev-1", "web").arn();
    t.eks.tagResource(
        arn,
        Map.of(
            Contract.ORIGINAL_SCALING_TAG,
            signed(LocalRecordSigner.KEY, arn, "2-3-5@2026-11-25T18:05Z max=1")));

    t.tick(MORNING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(NIGHT_STATE);
    assertThat(updates(t)).isEmpty();
    assertThat(findings(t, "Nodegroup Over Restore Cap"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.detail())
                    .containsEntry("maxRestoreNodes", 4)
                    .containsEntry("sizes", new Sizes(2, 3, 5).toMap()));
  }

  @Test
  void aGroupAboveTheCapIsNotScaledDownForItCouldNotBeRestored() {
    String config =
        ConvergenceTest.CONFIG.replace(
            "\"defaultSchedule\"", "\"maxRestoreNodes\": 4, \"defaultSchedule\"");
    FakeTicks t = fleet(config, new Sizes(2, 3, 5), null);

    t.tick(EVENING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(findings(t, "Nodegroup Over Restore Cap")).hasSize(1);
  }

  @Test
  void aSleepingGroupsSignedRecordIsVerifiedOnlyWhenItIsActedOn() {
    FakeTicks t = fleet(new Sizes(2, 3, 5), null);
    t.tick(EVENING);
    Nodegroup g = t.eks.describeNodegroup("dev-1", "web");
    ClusterState state =
        new ClusterState(new Cluster("dev-1", "arn:cluster", Map.of()), List.of(g));
    SchedulerConfig c = t.config.scheduler();

    assertThat(NodegroupPlanner.recordsToVerify(state, c, NIGHT, Selection.ALL)).isEmpty();
    assertThat(NodegroupPlanner.recordsToVerify(state, c, MORNING, Selection.ALL))
        .containsExactly(g.arn());
  }

  /** No update, no tag written, and one Record Not Trusted whose reason names {@code why}. */
  private static void assertLeftAlone(FakeTicks t, String why) {
    assertThat(updates(t)).isEmpty();
    assertThat(t.eks.calls()).noneMatch(c -> c.startsWith("TagResource"));
    assertThat(findings(t, Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(f -> assertThat(f.detail().get("reason").toString()).contains(why));
  }
}
