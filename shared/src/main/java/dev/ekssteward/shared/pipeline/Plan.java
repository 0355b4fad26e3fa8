package dev.ekssteward.shared.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pure result of comparing desired with observed state.
 *
 * @param actions steps to take now, in order
 * @param findings report-only observations
 * @param metrics extra EMF metrics (name to value) this plan contributes
 * @param recheckAfter when not null, observe and plan again after this long (a transition is under
 *     way); the pipeline does so while the invocation has time and reports the rest pending
 * @param lookAgain when not null, look at the scope's one resource again in a later invocation (a
 *     transition of minutes); only for a scope that selects one resource
 * @param reach what the plan looked at and would take away, for the change limits; it counts every
 *     change the planner means to make, also those it queues for later passes
 */
public record Plan(
    List<Action> actions,
    List<Finding> findings,
    Map<String, Double> metrics,
    Duration recheckAfter,
    LookAgain lookAgain,
    Reach reach) {

  public Plan {
    actions = List.copyOf(actions);
    findings = List.copyOf(findings);
    metrics = Map.copyOf(metrics);
    reach = Objects.requireNonNull(reach, "reach");
  }

  /** A plan that looked at nothing the change limits count. */
  public Plan(
      List<Action> actions,
      List<Finding> findings,
      Map<String, Double> metrics,
      Duration recheckAfter,
      LookAgain lookAgain) {
    this(actions, findings, metrics, recheckAfter, lookAgain, Reach.NONE);
  }

  /** Without a deferred look, and looking at nothing the change limits count. */
  public Plan(
      List<Action> actions,
      List<Finding> findings,
      Map<String, Double> metrics,
      Duration recheckAfter) {
    this(actions, findings, metrics, recheckAfter, null);
  }

  public static Plan of(List<Action> actions, List<Finding> findings) {
    return new Plan(actions, findings, Map.of(), null);
  }

  public static Plan empty() {
    return of(List.of(), List.of());
  }

  public Plan withReach(Reach reach) {
    return new Plan(actions, findings, metrics, recheckAfter, lookAgain, reach);
  }
}
