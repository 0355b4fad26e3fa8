package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.asg.AutoscalerTags;
import dev.ekssteward.scheduler.eks.Nodegroup;

/**
 * The Cluster Autoscaler pause (opt-in, {@code scheduler.clusterAutoscaler: "pause"}): its
 * discovery tags come off a group's Auto Scaling groups when it goes down, remembered in the
 * record, and go back on before the record is dropped. Cluster Autoscaler then forgets the group
 * within its refresh interval (a minute) instead of starting nodes in it at night.
 */
final class AutoscalerSteps {
  private final PlanDraft draft;

  AutoscalerSteps(PlanDraft draft) {
    this.draft = draft;
  }

  /**
   * A group going down: the record remembering the tags found (after a {@link PauseAutoscaler}), or
   * {@code fresh} as it is when there is nothing to pause.
   */
  OriginalScaling pause(Nodegroup g, OriginalScaling fresh, boolean optedIn) {
    AutoscalerTags found = g.autoscaler();
    if (!optedIn || g.autoScalingGroups().isEmpty() || found == null || found.isEmpty()) {
      return fresh;
    }
    OriginalScaling remembering = fresh.remembering(found);
    if (remembering == null) {
      draft.skip(
          g,
          "its Cluster Autoscaler tag values cannot be kept in a record (spaces, or too long);"
              + " the autoscaler is not paused, the night max still bounds it");
      return fresh;
    }
    draft.act(
        new PauseAutoscaler(g.arn(), g.cluster(), g.name(), g.autoScalingGroups(), remembering));
    return remembering;
  }

  /** Whether the record says the autoscaler's tags were taken off. */
  boolean paused(OriginalScaling record) {
    return !record.autoscaler().isEmpty();
  }

  /**
   * A down group whose record took the tags off, but which carries them again (put back by someone,
   * or the pause failed): take them off again. True when it plans that.
   */
  boolean keepPaused(Nodegroup g, OriginalScaling record) {
    if (!needsPause(g, record)) {
      return false;
    }
    draft.act(new PauseAutoscaler(g.arn(), g.cluster(), g.name(), g.autoScalingGroups(), record));
    return true;
  }

  /** Whether {@link #keepPaused} would take the tags off again (and write the record again). */
  boolean needsPause(Nodegroup g, OriginalScaling record) {
    AutoscalerTags found = g.autoscaler();
    return paused(record) && !g.autoScalingGroups().isEmpty() && found != null && !found.isEmpty();
  }

  /**
   * A group coming up: the remembered tags go back first unless they are back already. True when it
   * plans that; the record must then stay until a later look sees them.
   */
  boolean resume(Nodegroup g, OriginalScaling record) {
    AutoscalerTags remembered = record.autoscaler();
    if (remembered.isEmpty() || g.autoScalingGroups().isEmpty()) {
      return false;
    }
    if (g.autoscaler() != null && remembered.presentIn(g.autoscaler())) {
      return false;
    }
    draft.act(
        new ResumeAutoscaler(g.arn(), g.cluster(), g.name(), g.autoScalingGroups(), remembered));
    return true;
  }
}
