package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.LookAgain;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects a plan's actions, findings and metrics while the planner walks the node groups. */
final class PlanDraft {
  private final List<Action> actions = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, Double> metrics = new TreeMap<>();
  private LookAgain lookAgain;
  private int changes;
  private int inferred;

  void act(Action action) {
    actions.add(action);
  }

  void skip(Nodegroup g, String reason) {
    actions.add(new Action.Skip(g.arn(), g.cluster() + "/" + g.name() + ": " + reason));
  }

  void find(String detailType, Nodegroup g, Map<String, Object> detail) {
    findings.add(finding(detailType, g, detail));
  }

  /** A finding about one group, not (yet) in the plan. */
  Finding finding(String detailType, Nodegroup g, Map<String, Object> detail) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", g.cluster());
    d.put("nodegroup", g.name());
    d.putAll(detail);
    return new Finding(detailType, g.arn(), d);
  }

  /** A scope selects at most one group, so one look is all a plan asks for. */
  void lookAgain(LookAgain look) {
    lookAgain = look;
  }

  void count(String metric, double value) {
    metrics.merge(metric, value, Double::sum);
  }

  /** Whether an action of this type was planned. */
  boolean has(Class<? extends Action> type) {
    return actions.stream().anyMatch(type::isInstance);
  }

  /** A planned step that takes capacity away; {@code inferred}: by the config's default. */
  void change(boolean inferred) {
    changes++;
    this.inferred += inferred ? 1 : 0;
  }

  /**
   * The plan, made from {@code lookedAt} node groups; {@code recheckAfter}: look again after this
   * long in the same invocation, or null.
   */
  Plan build(int lookedAt, Duration recheckAfter) {
    return new Plan(
        actions,
        findings,
        metrics,
        recheckAfter,
        lookAgain,
        new Reach(lookedAt, changes, inferred));
  }
}
