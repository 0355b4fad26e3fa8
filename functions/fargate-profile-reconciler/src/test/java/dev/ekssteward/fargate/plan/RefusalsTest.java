package dev.ekssteward.fargate.plan;

import static dev.ekssteward.fargate.plan.FargatePlannerTest.A;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.MANAGED;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NEW_SELECTORS;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.NOW;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.SPEC;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.arn;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.desired;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.seen;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.state;
import static dev.ekssteward.fargate.plan.FargatePlannerTest.tags;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What EKS refused earlier in the invocation, as the planner learns it from the scope's earlier
 * outcomes: only failed creates and deletes count, and they wait for the next trigger.
 */
class RefusalsTest {
  static final Limits LIMITS = new Limits(10, Set.of("cost-center"));

  /** An earlier pass's create of team-a, which EKS refused. */
  static final Outcome REFUSED =
      Outcome.failed(
          new ProfileAction.CreateProfile("dev-1", "team-a", "team-a", SPEC, MANAGED, null),
          "InvalidParameterException: public subnet");

  @Test
  void aRefusalIsNamedInTheSkipAndOnlyFailedCreatesAndDeletesCount() {
    ProfileAction.CreateProfile create =
        new ProfileAction.CreateProfile("dev-1", "team-a", "team-a", SPEC, MANAGED, null);
    List<Outcome> notRefusals =
        List.of(
            new Outcome(
                create, Outcome.Status.DEFERRED, "busy (409): x; a later pass retries", List.of()),
            Outcome.noop(create, "gone: No cluster found for name: dev-1"),
            Outcome.failed(
                new ProfileAction.TagProfile("dev-1", "team-a", arn("team-a"), Map.of("a", "b")),
                "AccessDeniedException: no"));

    Plan refused =
        FargatePlanner.plan(
            "dev-1", state(false, A), List.of(), LIMITS, List.of(REFUSED), NOW, Map.of());
    Plan again =
        FargatePlanner.plan(
            "dev-1", state(false, A), List.of(), LIMITS, notRefusals, NOW, Map.of());

    assertThat(refused.actions())
        .containsExactly(
            new Action.Skip(
                "dev-1/team-a",
                "CreateProfile refused by EKS in this run (InvalidParameterException: public"
                    + " subnet); retried at the next trigger"));
    assertThat(refused.recheckAfter()).isNull();
    assertThat(again.actions()).extracting(Action::type).containsExactly("CreateProfile");
  }

  @Test
  void aDeleteThatFailedEarlierWaitsForTheNextTrigger() {
    String derived = "team-a-" + NEW_SELECTORS.hash();
    Outcome failed =
        Outcome.failed(
            new ProfileAction.DeleteProfile(
                "dev-1", "team-a", arn("team-a"), ProfileAction.DeleteReason.REPLACED, derived),
            "AccessDeniedException: not authorized");

    Plan plan =
        FargatePlanner.plan(
            "dev-1",
            state(false, desired("team-a", NEW_SELECTORS, Map.of())),
            List.of(
                seen("team-a", Status.ACTIVE, SPEC, tags()),
                seen(derived, Status.ACTIVE, NEW_SELECTORS, tags())),
            LIMITS,
            List.of(failed),
            NOW,
            Map.of());

    assertThat(plan.actions())
        .containsExactly(
            new Action.Skip(
                arn("team-a"),
                "DeleteProfile refused by EKS in this run (AccessDeniedException: not authorized);"
                    + " retried at the next trigger"));
    assertThat(plan.recheckAfter()).isNull();
  }
}
