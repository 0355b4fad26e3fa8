package dev.ekssteward.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.asg.AsgTag;
import dev.ekssteward.scheduler.asg.AutoscalerTags;
import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Trust;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The planner with what the run's ledger knows (a pause, the record index, a cluster out of scope),
 * the Record Missing finding and the Cluster Autoscaler pause; and how each of those paths treats a
 * record the key did not verify, or one above the restore cap.
 */
class RunFactsPlanTest {
  static final String DOWN = "Mon-Sun 00:00-00:01 UTC";
  static final String UP = "Mon-Sun 00:00-23:59 UTC";
  static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  static final Instant EVENING = Instant.parse("2026-11-24T18:00:00Z");
  static final Sizes DAY = new Sizes(2, 3, 5);
  static final OriginalScaling RECORD = OriginalScaling.of(DAY, EVENING, 1);
  static final AutoscalerTags CA =
      new AutoscalerTags(new AsgTag("true", true), new AsgTag("owned", true));

  /** A signed record value; whether its MAC verifies is the state's {@code macs}. */
  static String sealed(OriginalScaling record) {
    return Sealed.value(record.encode(), "A".repeat(43));
  }

  static final Map<String, Trust> VERIFIED = Map.of("arn:ng/web", Trust.SIGNED);
  static final Map<String, Trust> FORGED = Map.of("arn:ng/web", Trust.not("bad signature"));

  static StewardConfig config(String extra) {
    return StewardConfig.parse("{\"scheduler\": {" + extra + "}}", "test");
  }

  static Nodegroup group(String schedule, Sizes sizes, OriginalScaling record, AutoscalerTags ca) {
    Map<String, String> tags =
        record == null
            ? Map.of(Contract.SCHEDULE_TAG, schedule)
            : Map.of(
                Contract.SCHEDULE_TAG, schedule, Contract.ORIGINAL_SCALING_TAG, sealed(record));
    return new Nodegroup(
        "dev-1",
        "web",
        "arn:ng/web",
        "ACTIVE",
        sizes,
        tags,
        Instant.parse("2026-11-01T00:00:00Z"),
        ca == null ? List.of() : List.of("asg-web"),
        ca,
        null);
  }

  static Plan plan(StewardConfig config, RunFacts facts, Selection selection, Nodegroup g) {
    return plan(config, facts, selection, g, VERIFIED);
  }

  static Plan plan(
      StewardConfig config,
      RunFacts facts,
      Selection selection,
      Nodegroup g,
      Map<String, Trust> macs) {
    return NodegroupPlanner.plan(state(facts, g, macs), config.scheduler(), NOW, selection, true);
  }

  static ClusterState state(RunFacts facts, Nodegroup g, Map<String, Trust> macs) {
    return new ClusterState(new Cluster("dev-1", "arn:cluster", Map.of()), List.of(g), facts, macs);
  }

  static Plan plan(RunFacts facts, Nodegroup g) {
    return plan(config(""), facts, Selection.ALL, g);
  }

  static List<String> types(Plan plan) {
    return plan.actions().stream().map(Action::type).toList();
  }

  @Test
  void whilePausedADownGroupIsRestoredAndNothingGoesDown() {
    Instant until = NOW.plus(Duration.ofHours(3));
    RunFacts paused = new RunFacts(until, true, null);

    Plan restore = plan(paused, group(DOWN, RECORD.night(), RECORD, null));
    assertThat(types(restore)).containsExactly("Restore");
    assertThat(((Restore) restore.actions().get(0)).reason())
        .isEqualTo("released: scale-downs paused until " + until);
    assertThat(types(plan(paused, group(DOWN, DAY, null, null)))).isEmpty();
    // An expired pause no longer holds anything back.
    assertThat(types(plan(new RunFacts(NOW, true, null), group(DOWN, DAY, null, null))))
        .containsExactly("ScaleDown");
  }

  @Test
  void aReleaseRestoresAndLooksAgainOnceEvenWithoutTheLedgersPause() {
    Plan release =
        plan(
            config(""),
            RunFacts.NONE,
            new Selection.Release(null, 2),
            group(DOWN, RECORD.night(), RECORD, null));

    assertThat(types(release)).containsExactly("Restore");
    assertThat(release.recheckAfter()).isEqualTo(Duration.ZERO);
    assertThat(
            NodegroupPlanner.plan(
                    state(RunFacts.NONE, group(DOWN, RECORD.night(), RECORD, null), VERIFIED),
                    config("").scheduler(),
                    NOW,
                    new Selection.Release(null, 2),
                    false)
                .recheckAfter())
        .as("a second pass does not ask for a third")
        .isNull();
  }

  @Test
  void outOfScopeOnlyRecordsAreRestored() {
    RunFacts out = new RunFacts(null, true, "cluster dev-1 is no longer selected");

    assertThat(types(plan(out, group(DOWN, RECORD.night(), RECORD, null))))
        .containsExactly("Restore");
    assertThat(types(plan(out, group(DOWN, DAY, null, null)))).isEmpty();
    assertThat(plan(out, group(UP, new Sizes(0, 0, 1), null, null)).findings())
        .as("not ours to report any more")
        .isEmpty();
  }

  @Test
  void aClusterNotInTheIndexWaitsForItBeforeAnyScaleDown() {
    RunFacts unindexed = new RunFacts(null, false, null);

    assertThat(types(plan(unindexed, group(DOWN, DAY, null, null)))).containsExactly("AwaitIndex");
    assertThat(plan(unindexed, group(DOWN, DAY, null, null)).actions().get(0).mutates()).isFalse();
    // A group at its recorded sizes (an unfinished scale-down) waits too; restores never wait.
    assertThat(types(plan(unindexed, group(DOWN, DAY, RECORD, null))))
        .containsExactly("AwaitIndex");
    assertThat(types(plan(unindexed, group(UP, RECORD.night(), RECORD, null))))
        .containsExactly("Restore");
  }

  @Test
  void aGroupAtZeroInItsUptimeWithoutARecordIsReported() {
    List<Finding> found = plan(RunFacts.NONE, group(UP, new Sizes(0, 0, 1), null, null)).findings();

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.detailType()).isEqualTo("Nodegroup Record Missing");
              assertThat(f.target()).isEqualTo("arn:ng/web");
              assertThat(f.detail().get("reason").toString()).contains("record was deleted");
            });
    // Not at zero, or a max above the night max (scale from zero), or at night: nothing to say.
    assertThat(plan(RunFacts.NONE, group(UP, new Sizes(0, 1, 1), null, null)).findings()).isEmpty();
    assertThat(plan(RunFacts.NONE, group(UP, new Sizes(0, 0, 10), null, null)).findings())
        .isEmpty();
    assertThat(plan(RunFacts.NONE, group(DOWN, new Sizes(0, 0, 1), null, null)).findings())
        .isEmpty();
    assertThat(
            plan(
                    config("\"nightMaxSize\": 3"),
                    RunFacts.NONE,
                    Selection.ALL,
                    group(UP, new Sizes(0, 0, 3), null, null))
                .findings())
        .hasSize(1);
  }

  @Test
  void withTheOptInTheAutoscalerIsPausedBeforeTheScaleDownAndRemembered() {
    Plan evening =
        plan(
            config("\"clusterAutoscaler\": \"pause\""),
            RunFacts.NONE,
            Selection.ALL,
            group(DOWN, DAY, null, CA));

    assertThat(types(evening)).containsExactly("PauseAutoscaler", "ScaleDown");
    PauseAutoscaler pause = (PauseAutoscaler) evening.actions().get(0);
    ScaleDown down = (ScaleDown) evening.actions().get(1);
    assertThat(pause.record()).isEqualTo(down.record());
    assertThat(down.record().autoscaler()).isEqualTo(CA);
    assertThat(pause.autoScalingGroups()).containsExactly("asg-web");
    // Off (the default): the same group goes down with the autoscaler left alone.
    assertThat(types(plan(RunFacts.NONE, group(DOWN, DAY, null, CA)))).containsExactly("ScaleDown");
  }

  @Test
  void atNightAPausedGroupStaysPaused() {
    OriginalScaling paused = RECORD.remembering(CA);

    assertThat(types(plan(RunFacts.NONE, group(DOWN, paused.night(), paused, AutoscalerTags.NONE))))
        .isEmpty();
    assertThat(types(plan(RunFacts.NONE, group(DOWN, paused.night(), paused, CA))))
        .as("its tags came back")
        .containsExactly("PauseAutoscaler");
    Plan started =
        plan(RunFacts.NONE, group(DOWN, new Sizes(0, 1, 1), paused, AutoscalerTags.NONE));
    assertThat(types(started))
        .as("a node it started before it forgot the group")
        .containsExactly("ScaleDown");
    assertThat(((ScaleDown) started.actions().get(0)).before()).isEqualTo(new Sizes(0, 1, 1));
    assertThat(
            types(
                plan(RunFacts.NONE, group(DOWN, new Sizes(0, 1, 1), RECORD, AutoscalerTags.NONE))))
        .as("not paused: the autoscaler's node stays, within the night max")
        .isEmpty();
  }

  @Test
  void inTheMorningTheTagsGoBackFirstAndTheRecordStaysUntilTheyAreSeen() {
    OriginalScaling paused = RECORD.remembering(CA);

    Plan morning = plan(RunFacts.NONE, group(UP, paused.night(), paused, AutoscalerTags.NONE));
    assertThat(types(morning)).containsExactly("ResumeAutoscaler", "Restore");
    assertThat(((Restore) morning.actions().get(1)).keepRecord()).isTrue();
    assertThat(((ResumeAutoscaler) morning.actions().get(0)).tags()).isEqualTo(CA);
    assertThat(morning.recheckAfter()).isEqualTo(Duration.ZERO);

    assertThat(types(plan(RunFacts.NONE, group(UP, DAY, paused, CA))))
        .containsExactly("DropRecord");
    assertThat(types(plan(RunFacts.NONE, group(UP, DAY, paused, AutoscalerTags.NONE))))
        .containsExactly("ResumeAutoscaler");
  }

  static List<String> findings(Plan plan) {
    return plan.findings().stream().map(Finding::detailType).toList();
  }

  @Test
  void aReleaseAndAScopeExitRestoreOnlyAVerifiedRecord() {
    Nodegroup down = group(DOWN, RECORD.night(), RECORD, null);
    Selection release = new Selection.Release(null, 2);
    RunFacts out = new RunFacts(null, true, "cluster dev-1 is no longer selected");

    // The facts the ledger adds decide that the record is acted on: so it is asked for.
    assertThat(
            NodegroupPlanner.recordsToVerify(
                state(out, down, Map.of()), config("").scheduler(), NOW, Selection.ALL, true))
        .isEqualTo(Set.of("arn:ng/web"));
    assertThat(
            NodegroupPlanner.recordsToVerify(
                state(RunFacts.NONE, down, Map.of()), config("").scheduler(), NOW, release, true))
        .isEqualTo(Set.of("arn:ng/web"));
    assertThat(
            NodegroupPlanner.recordsToVerify(
                state(RunFacts.NONE, down, Map.of()),
                config("").scheduler(),
                NOW,
                Selection.ALL,
                true))
        .as("asleep at night, nothing acts on it")
        .isEmpty();

    Plan forgedRelease = plan(config(""), RunFacts.NONE, release, down, FORGED);
    assertThat(types(forgedRelease)).containsExactly("Skip");
    assertThat(findings(forgedRelease)).containsExactly(Trust.NOT_TRUSTED);
    Plan forgedExit = plan(config(""), out, Selection.ALL, down, FORGED);
    assertThat(types(forgedExit)).containsExactly("Skip");
    assertThat(findings(forgedExit)).containsExactly(Trust.NOT_TRUSTED);
    assertThat(types(plan(config(""), out, Selection.ALL, down, Map.of())))
        .as("not verified in this run")
        .containsExactly("Skip");
  }

  @Test
  void aReleaseAndAScopeExitRespectTheRestoreCap() {
    Nodegroup down = group(DOWN, RECORD.night(), RECORD, null);
    StewardConfig capped = config("\"maxRestoreNodes\": 4");

    Plan release = plan(capped, RunFacts.NONE, new Selection.Release(null, 2), down);
    assertThat(types(release)).containsExactly("Skip");
    assertThat(findings(release)).containsExactly(GroupDecision.OVER_CAP);
    Plan exit =
        plan(
            capped,
            new RunFacts(null, true, "cluster dev-1 is no longer selected"),
            Selection.ALL,
            down);
    assertThat(types(exit)).containsExactly("Skip");
    assertThat(findings(exit)).containsExactly(GroupDecision.OVER_CAP);
  }

  @Test
  void theAutoscalerPauseActsOnlyOnAVerifiedRecord() {
    OriginalScaling paused = RECORD.remembering(CA);

    // Its tags came back, or it started a node: the pause would write the record again.
    Plan back =
        plan(
            config(""),
            RunFacts.NONE,
            Selection.ALL,
            group(DOWN, paused.night(), paused, CA),
            FORGED);
    assertThat(types(back)).containsExactly("Skip");
    assertThat(findings(back)).containsExactly(Trust.NOT_TRUSTED);
    Plan started =
        plan(
            config(""),
            RunFacts.NONE,
            Selection.ALL,
            group(DOWN, new Sizes(0, 1, 1), paused, AutoscalerTags.NONE),
            FORGED);
    assertThat(types(started)).containsExactly("Skip");
    // In the morning its tags go back only from a verified record.
    Plan morning =
        plan(
            config(""),
            RunFacts.NONE,
            Selection.ALL,
            group(UP, paused.night(), paused, AutoscalerTags.NONE),
            FORGED);
    assertThat(types(morning)).containsExactly("Skip");
    assertThat(findings(morning)).containsExactly(Trust.NOT_TRUSTED);
    // An unsigned record naming autoscaler tags was never written by any version.
    Nodegroup unsigned =
        new Nodegroup(
            "dev-1",
            "web",
            "arn:ng/web",
            "ACTIVE",
            new Sizes(0, 0, 5),
            Map.of(
                Contract.SCHEDULE_TAG,
                UP,
                Contract.ORIGINAL_SCALING_TAG,
                "2-3-5@2026-11-24T18:00Z cae=1:true cac=1:owned"),
            Instant.parse("2026-11-01T00:00:00Z"),
            List.of("asg-web"),
            AutoscalerTags.NONE,
            null);
    assertThat(findings(plan(config(""), RunFacts.NONE, Selection.ALL, unsigned, Map.of())))
        .containsExactly(Trust.NOT_TRUSTED);
  }

  @Test
  void aRecordRememberingTheAutoscalerTagsFitsInATagValueOnceSigned() {
    String longValue = "v".repeat(100);
    AutoscalerTags big =
        new AutoscalerTags(new AsgTag(longValue, true), new AsgTag(longValue, true));
    assertThat(RECORD.remembering(big))
        .as("a body of 250 characters would pass 256 once signed")
        .isNull();
    OriginalScaling fits = RECORD.remembering(CA);
    assertThat(sealed(fits))
        .endsWith(" mac=v1." + "A".repeat(43))
        .contains(" cae=1:true cac=1:owned ");
    assertThat(sealed(fits).length()).isLessThanOrEqualTo(OriginalScaling.MAX_TAG_VALUE);
  }
}
