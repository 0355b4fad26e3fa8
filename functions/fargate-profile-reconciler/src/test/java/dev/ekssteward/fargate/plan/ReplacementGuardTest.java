package dev.ekssteward.fargate.plan;

import static dev.ekssteward.fargate.plan.FargatePlannerTest.NOW;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.ROLE;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.desired;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.seen;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.state;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Make-before-break holds when a replacement hands one of its selectors to another desired profile:
 * the replaced profile goes only once that profile is ACTIVE as well, and a refused or failed one
 * stops the delete and is reported.
 */
class ReplacementGuardTest {
  private static final Limits LIMITS = new Limits(10, Set.of());
  private static final Set<String> SUBNETS = Set.of("subnet-0abc1234");
  private static final Selector TEAM_A = new Selector("team-a", Map.of());
  private static final Selector TEAM_B = new Selector("team-b", Map.of());

  /** x today serves team-a and team-b. */
  private static final ProfileSpec BOTH = new ProfileSpec(ROLE, SUBNETS, Set.of(TEAM_A, TEAM_B));

  private static final ProfileSpec ONLY_A = new ProfileSpec(ROLE, SUBNETS, Set.of(TEAM_A));
  private static final ProfileSpec ONLY_B = new ProfileSpec(ROLE, SUBNETS, Set.of(TEAM_B));
  private static final DesiredProfile X = desired("x", ONLY_A, Map.of());
  private static final DesiredProfile Y = desired("y", ONLY_B, Map.of());

  /** The document that moves team-b from x to y. */
  private static final DesiredState SPLIT = state(false, X, Y);

  private static final ObservedProfile OLD_X = seen("x", Status.ACTIVE, BOTH, tags());
  private static final ObservedProfile NEW_X = seen(X.derivedName(), Status.ACTIVE, ONLY_A, tags());

  /** EKS refused y's create earlier in this invocation (a public subnet, say). */
  private static final Outcome Y_REFUSED =
      Outcome.failed(
          new ProfileAction.CreateProfile("dev-1", "y", "y", ONLY_B, Map.of(), null),
          "InvalidParameterException: subnet-0abc1234 is not a private subnet");

  private static Plan plan(
      DesiredState desired, List<ObservedProfile> observed, Outcome... earlier) {
    return FargatePlanner.plan(
        "dev-1",
        desired,
        observed,
        LIMITS,
        List.of(earlier),
        NOW,
        FargatePlannerTest.signedMarks(observed));
  }

  private static List<String> actions(Plan plan) {
    return plan.actions().stream().map(FargatePlannerTest::describe).toList();
  }

  @Test
  void aRefusedProfileThatTakesADroppedSelectorStopsTheDeleteAndIsReported() {
    Plan plan = plan(SPLIT, List.of(OLD_X, NEW_X), Y_REFUSED);

    assertThat(actions(plan)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(plan.findings())
        .filteredOn(f -> f.detailType().equals(Findings.PRUNE_STOPPED))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.target()).isEqualTo(OLD_X.arn());
              assertThat(f.detail().get("reason"))
                  .isEqualTo(
                      "delete stopped: its selector team-b{} moves to y, whose create was"
                          + " refused: InvalidParameterException: subnet-0abc1234 is not a"
                          + " private subnet");
            });
  }

  @Test
  void aFailedProfileThatTakesADroppedSelectorStopsTheDelete() {
    Plan plan = plan(SPLIT, List.of(OLD_X, NEW_X, seen("y", Status.CREATE_FAILED, ONLY_B, tags())));

    assertThat(actions(plan)).noneMatch(a -> a.startsWith("DeleteProfile"));
    assertThat(plan.findings())
        .extracting(f -> f.detailType() + " " + f.detail().get("profile"))
        .containsExactlyInAnyOrder(Findings.PRUNE_STOPPED + " x", Findings.FAILED + " y");
  }

  @Test
  void theDeleteWaitsWhileTheOtherProfileIsStillToComeAndItsCreateGoesFirst() {
    Plan missing = plan(SPLIT, List.of(OLD_X, NEW_X));

    assertThat(actions(missing))
        .containsExactly("Skip " + OLD_X.arn(), "CreateProfile dev-1/y tags={}");
    assertThat(missing.actions().get(0).details().get("reason"))
        .isEqualTo("delete waits: its selector team-b{} moves to y, which is not ACTIVE yet");
    assertThat(missing.findings()).isEmpty();

    Plan creating = plan(SPLIT, List.of(OLD_X, NEW_X, seen("y", Status.CREATING, ONLY_B, tags())));
    assertThat(actions(creating)).containsExactly("Skip " + OLD_X.arn());

    Plan active = plan(SPLIT, List.of(OLD_X, NEW_X, seen("y", Status.ACTIVE, ONLY_B, tags())));
    assertThat(actions(active)).containsExactly("DeleteProfile x replaced by " + X.derivedName());
  }

  @Test
  void aSelectorNoDesiredProfileMentionsAnyMoreIsDroppedWithTheReplacedProfile() {
    Plan plan = plan(state(false, X), List.of(OLD_X, NEW_X));

    assertThat(actions(plan)).containsExactly("DeleteProfile x replaced by " + X.derivedName());
  }

  @Test
  void aHeldDeleteStillCountsForTheChangeLimits() {
    Plan plan = plan(SPLIT, List.of(OLD_X, NEW_X), Y_REFUSED);

    assertThat(plan.reach().changes()).isEqualTo(1);
  }

  /**
   * The whole invocation as the pipeline runs it, pass after pass, EKS refusing every create of y:
   * x's replacement comes, x itself stays, and team-b's pods keep their profile.
   */
  @Test
  void throughAWholeInvocationTheOldProfileOutlivesARefusedSuccessor() {
    List<ObservedProfile> cluster = new ArrayList<>(List.of(OLD_X));
    List<Outcome> earlier = new ArrayList<>();
    for (int pass = 0; pass < 6; pass++) {
      Plan plan =
          FargatePlanner.plan(
              "dev-1", SPLIT, List.copyOf(cluster), LIMITS, List.copyOf(earlier), NOW, Map.of());
      for (var action : plan.actions()) {
        if (action instanceof ProfileAction.CreateProfile c && c.name().equals("y")) {
          earlier.add(Outcome.failed(c, "InvalidParameterException: public subnet"));
        } else if (action instanceof ProfileAction.CreateProfile c) {
          cluster.add(seen(c.name(), Status.ACTIVE, c.spec(), tags()));
        } else if (action instanceof ProfileAction.DeleteProfile d) {
          cluster.removeIf(p -> p.name().equals(d.name()));
        }
      }
    }

    assertThat(cluster).extracting(ObservedProfile::name).containsExactly("x", X.derivedName());
  }
}
