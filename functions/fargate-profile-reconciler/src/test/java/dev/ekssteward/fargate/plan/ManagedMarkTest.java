package dev.ekssteward.fargate.plan;

import static dev.ekssteward.fargate.plan.FargatePlannerTest.A;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NEW_ROLE;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NOW;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.SPEC;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.seen;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.trust.Trust;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Prune acts only on a managed mark this stack's record key signed for that very profile; a profile
 * of the desired state that lacks a signed mark gets one.
 */
class ManagedMarkTest {
  private static final Limits LIMITS = new Limits(10, Set.of());
  private static final String SIGNED = "true mac=v1." + "B".repeat(43);
  private static final ObservedProfile TEAM_A =
      seen("team-a", Status.ACTIVE, SPEC, Map.of("team", "payments", Contract.MANAGED_TAG, SIGNED));

  private static Plan plan(List<ObservedProfile> observed, Map<String, Trust> marks) {
    return FargatePlanner.plan("dev-1", state(true, A), observed, LIMITS, List.of(), NOW, marks);
  }

  private static List<String> actions(Plan plan) {
    return plan.actions().stream().map(FargatePlannerTest::describe).toList();
  }

  private static List<Finding> notTrusted(Plan plan) {
    return plan.findings().stream().filter(f -> f.detailType().equals(Trust.NOT_TRUSTED)).toList();
  }

  @Test
  void aProfileTaggedManagedByHandIsNotPrunedAndIsReported() {
    ObservedProfile handTagged =
        seen("victim", Status.ACTIVE, NEW_ROLE, Map.of(Contract.MANAGED_TAG, "true"));

    Plan plan = plan(List.of(TEAM_A, handTagged), Map.of());

    assertThat(actions(plan)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(notTrusted(plan))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.target()).isEqualTo(handTagged.arn());
              assertThat(f.detail().get("reason").toString()).startsWith("unsigned");
            });
  }

  @Test
  void aMarkTheKeyDoesNotVerifyIsNotPruned() {
    ObservedProfile copied =
        seen("victim", Status.ACTIVE, NEW_ROLE, Map.of(Contract.MANAGED_TAG, SIGNED));

    Plan plan = plan(List.of(TEAM_A, copied), Map.of(copied.arn(), Trust.not("bad signature")));

    assertThat(actions(plan)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(notTrusted(plan))
        .singleElement()
        .satisfies(f -> assertThat(f.detail()).containsEntry("reason", "bad signature"));
  }

  @Test
  void aVerifiedMarkIsPrunedAndAnUnverifiedOneWaits() {
    ObservedProfile ours =
        seen("old", Status.ACTIVE, NEW_ROLE, Map.of(Contract.MANAGED_TAG, SIGNED));

    assertThat(actions(plan(List.of(TEAM_A, ours), Map.of(ours.arn(), Trust.SIGNED))))
        .containsExactly("DeleteProfile old pruned");
    Plan unverified = plan(List.of(TEAM_A, ours), Map.of());
    assertThat(actions(unverified)).containsExactly("Skip " + ours.arn());
    assertThat(notTrusted(unverified)).isEmpty();
  }

  @Test
  void aProfileOfTheDesiredStateWithoutASignedMarkIsMarked() {
    ObservedProfile legacy =
        seen(
            "team-a",
            Status.ACTIVE,
            SPEC,
            Map.of("team", "payments", Contract.MANAGED_TAG, "true"));
    ObservedProfile unmarked = seen("team-a", Status.ACTIVE, SPEC, Map.of("team", "payments"));

    assertThat(actions(plan(List.of(legacy), Map.of())))
        .containsExactly("MarkManaged " + legacy.arn());
    assertThat(actions(plan(List.of(unmarked), Map.of())))
        .containsExactly("MarkManaged " + unmarked.arn());
    assertThat(actions(plan(List.of(TEAM_A), Map.of()))).isEmpty();
  }

  @Test
  void aLegacyMarkOnAProfileOfAnotherSpecIsNotResigned() {
    // Same name, other spec: not exactly the desired profile, so not adopted; it is replaced.
    ObservedProfile other =
        seen("team-a", Status.ACTIVE, NEW_ROLE, Map.of(Contract.MANAGED_TAG, "true"));

    assertThat(actions(plan(List.of(other), Map.of()))).noneMatch(a -> a.startsWith("MarkManaged"));
  }

  @Test
  void onlyPruneCandidatesAreVerified() {
    ObservedProfile ours =
        seen("old", Status.ACTIVE, NEW_ROLE, Map.of(Contract.MANAGED_TAG, SIGNED));
    ObservedProfile plain = seen("plain", Status.ACTIVE, NEW_ROLE, Map.of());

    assertThat(FargatePlanner.marksToVerify(state(true, A), List.of(TEAM_A, ours, plain)))
        .containsExactly(ours);
    assertThat(FargatePlanner.marksToVerify(state(false, A), List.of(TEAM_A, ours))).isEmpty();
  }
}
