package dev.ekssteward.fargate.plan;

import static dev.ekssteward.fargate.plan.FargatePlannerTest.A;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NEW_ROLE;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NOW;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.ROLE;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.SPEC;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.seen;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.state;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Make-before-break holds for prune: a managed profile whose pods the desired state moves to
 * another profile is deleted only once that profile is ACTIVE; a refused or failed successor stops
 * the prune and is reported; a selector dropped from the desired state goes at once.
 */
class PruneGuardTest {
  private static final Limits LIMITS = new Limits(10, Set.of());

  /** Serves team-a's pods today under another role; the desired state moves them to A. */
  private static final ObservedProfile LEGACY = seen("legacy", Status.ACTIVE, NEW_ROLE, tags());

  private static Plan plan(List<ObservedProfile> observed, List<Outcome> earlier) {
    return FargatePlanner.plan(
        "dev-1",
        state(true, A),
        observed,
        LIMITS,
        earlier,
        NOW,
        FargatePlannerTest.signedMarks(observed));
  }

  private static List<String> actions(Plan plan) {
    return plan.actions().stream().map(FargatePlannerTest::describe).toList();
  }

  @Test
  void aPruneWaitsUntilTheProfileThatTakesItsPodsIsActive() {
    Plan before = plan(List.of(LEGACY), List.of());

    assertThat(actions(before))
        .containsExactly("Skip " + LEGACY.arn(), "CreateProfile dev-1/team-a tags={team=payments}");
    assertThat(before.actions().get(0).details().get("reason"))
        .isEqualTo(
            "prune waits: its selector team-a{lifecycle=fargate} moves to team-a, which is not"
                + " ACTIVE yet");
    assertThat(before.findings()).extracting(f -> f.detailType()).containsExactly("Drift Detected");

    Plan creating =
        plan(
            List.of(LEGACY, seen("team-a", Status.CREATING, SPEC, tags("team", "payments"))),
            List.of());
    assertThat(actions(creating)).containsExactly("Skip " + LEGACY.arn());

    Plan after =
        plan(
            List.of(LEGACY, seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments"))),
            List.of());
    assertThat(actions(after)).containsExactly("DeleteProfile legacy pruned");
  }

  @Test
  void aRefusedSuccessorStopsThePruneAndIsReported() {
    assertStopped(
        plan(List.of(LEGACY), List.of(RefusalsTest.REFUSED)),
        "prune stopped: its selector team-a{lifecycle=fargate} moves to team-a,"
            + " whose create was refused: InvalidParameterException");
  }

  /** No delete, and one Prune Stopped whose reason starts with {@code reason}. */
  private static void assertStopped(Plan plan, String reason) {
    assertThat(actions(plan)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(plan.findings())
        .filteredOn(f -> f.detailType().equals(Findings.PRUNE_STOPPED))
        .singleElement()
        .satisfies(f -> assertThat((String) f.detail().get("reason")).startsWith(reason));
  }

  @Test
  void aFailedSuccessorStopsThePrune() {
    Plan plan =
        plan(
            List.of(LEGACY, seen("team-a", Status.CREATE_FAILED, SPEC, tags("team", "payments"))),
            List.of());

    assertThat(actions(plan)).noneMatch(a -> a.startsWith("DeleteProfile legacy"));
    assertThat(plan.findings())
        .extracting(f -> f.detailType())
        .contains(Findings.PRUNE_STOPPED, "Fargate Profile Failed");
  }

  @Test
  void aSelectorDroppedFromTheDesiredStateIsPrunedAtOnce() {
    ObservedProfile old =
        seen(
            "old-team",
            Status.ACTIVE,
            new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("old-team", Map.of()))),
            tags());

    ObservedProfile a = seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments"));

    assertThat(actions(plan(List.of(a, old), List.of())))
        .containsExactly("DeleteProfile old-team pruned");
  }

  /** Serves all of team-a's pods; the desired profile A takes only those labelled for Fargate. */
  private static final ObservedProfile BROAD =
      seen(
          "legacy",
          Status.ACTIVE,
          new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("team-a", Map.of()))),
          tags());

  @Test
  void aRefusedSuccessorThatTakesOnlyPartOfTheSelectorStillStopsThePrune() {
    assertStopped(
        plan(List.of(BROAD), List.of(RefusalsTest.REFUSED)),
        "prune stopped: its selector team-a{} moves to team-a, whose create was"
            + " refused: InvalidParameterException");
  }

  @Test
  void aPartialSuccessorIsWaitedForAndAFailedOneStopsThePrune() {
    assertThat(actions(plan(List.of(BROAD), List.of())))
        .containsExactly("Skip " + BROAD.arn(), "CreateProfile dev-1/team-a tags={team=payments}");

    Plan failed =
        plan(
            List.of(BROAD, seen("team-a", Status.CREATE_FAILED, SPEC, tags("team", "payments"))),
            List.of());
    assertThat(actions(failed)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(failed.findings())
        .extracting(f -> f.detailType())
        .contains(Findings.PRUNE_STOPPED, "Fargate Profile Failed");

    Plan active =
        plan(
            List.of(BROAD, seen("team-a", Status.ACTIVE, SPEC, tags("team", "payments"))),
            List.of());
    assertThat(actions(active)).containsExactly("DeleteProfile legacy pruned");
  }

  @Test
  void wildcardsAndLabelsDecideWhichDesiredProfilesTakeAPod() {
    // team-* serves team-a's lifecycle=fargate pods, which move to A: A's refusal stops the prune.
    ObservedProfile wildcard =
        seen(
            "legacy",
            Status.ACTIVE,
            new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("team-*", Map.of()))),
            tags());
    Plan stopped = plan(List.of(wildcard), List.of(RefusalsTest.REFUSED));
    assertThat(actions(stopped)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(stopped.findings()).extracting(f -> f.detailType()).contains(Findings.PRUNE_STOPPED);

    // Its lifecycle=ec2 pods can never be A's (lifecycle=fargate): nothing moves, the prune goes.
    ObservedProfile otherLabel =
        seen(
            "legacy",
            Status.ACTIVE,
            new ProfileSpec(
                ROLE, Set.of(), Set.of(new Selector("team-?", Map.of("lifecycle", "ec2")))),
            tags());
    assertThat(actions(plan(List.of(otherLabel), List.of(RefusalsTest.REFUSED))))
        .containsExactly("Skip dev-1/team-a", "DeleteProfile legacy pruned");
  }

  @Test
  void aSuccessorWhoseNameIsHeldByAProfileThatFailedToDeleteStopsThePrune() {
    ObservedProfile stuck =
        seen(A.derivedName(), Status.DELETE_FAILED, SPEC, tags("team", "payments"));

    Plan plan = plan(List.of(LEGACY, stuck), List.of());

    assertThat(actions(plan))
        .noneMatch(a -> a.startsWith("DeleteProfile") || a.startsWith("Create"));
    assertThat(plan.findings())
        .filteredOn(f -> f.detailType().equals(Findings.PRUNE_STOPPED))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.detail().get("reason"))
                    .isEqualTo(
                        "prune stopped: its selector team-a{lifecycle=fargate} moves to team-a,"
                            + " whose create is blocked: profile "
                            + A.derivedName()
                            + " is DELETE_FAILED"));
  }
}
