package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Plan;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Pure: what to do with one cluster's node groups at {@code now}. A wake request keeps the named
 * groups up (durably, as a tag) and restores them; every other trigger evaluates each group's
 * schedule.
 */
public final class NodegroupPlanner {
  private NodegroupPlanner() {}

  public static Plan plan(
      ClusterState state, SchedulerConfig config, Instant now, Selection selection) {
    PlanDraft draft = new PlanDraft();
    if (state.cluster() == null) {
      return draft.build(0);
    }
    GroupDecision decision = new GroupDecision(state.cluster(), config, now, draft);
    if (selection instanceof Selection.Wake wake) {
      int minutes = wake.minutes() != null ? wake.minutes() : config.wakeDurationMinutes();
      Instant until = now.plus(Duration.ofMinutes(minutes)).truncatedTo(ChronoUnit.SECONDS);
      for (String missing : missing(wake.nodegroups(), state.nodegroups())) {
        draft.act(
            new Action.Skip(
                state.cluster().name() + "/" + missing, "no such node group; nothing to wake"));
      }
      for (Nodegroup g : state.nodegroups()) {
        draft.act(new KeepUp(g.arn(), g.cluster(), g.name(), until));
        decision.evaluate(g, until);
      }
    } else {
      for (Nodegroup g : state.nodegroups()) {
        decision.evaluate(g, null);
      }
    }
    return draft.build(state.nodegroups().size());
  }

  private static List<String> missing(List<String> wanted, List<Nodegroup> found) {
    return wanted.stream()
        .filter(name -> found.stream().noneMatch(g -> g.name().equals(name)))
        .toList();
  }
}
