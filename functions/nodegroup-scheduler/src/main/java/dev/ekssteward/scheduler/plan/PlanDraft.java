package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
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
  private int changes;
  private int inferred;

  void act(Action action) {
    actions.add(action);
  }

  void skip(Nodegroup g, String reason) {
    actions.add(new Action.Skip(g.arn(), g.cluster() + "/" + g.name() + ": " + reason));
  }

  void find(String detailType, Nodegroup g, Map<String, Object> detail) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", g.cluster());
    d.put("nodegroup", g.name());
    d.putAll(detail);
    findings.add(new Finding(detailType, g.arn(), d));
  }

  void count(String metric, double value) {
    metrics.merge(metric, value, Double::sum);
  }

  /** A planned step that takes capacity away; {@code inferred}: by the config's default. */
  void change(boolean inferred) {
    changes++;
    this.inferred += inferred ? 1 : 0;
  }

  /** The plan, made from {@code lookedAt} node groups. */
  Plan build(int lookedAt) {
    return new Plan(actions, findings, metrics, null, new Reach(lookedAt, changes, inferred));
  }
}
