package dev.ekssteward.scheduler.plan;

import dev.ekssteward.shared.pipeline.Action;

/** The changes the scheduler makes to a node group; one executor carries out each. */
public sealed interface SchedulerAction extends Action
    permits ScaleDown,
        Restore,
        DropRecord,
        KeepUp,
        PauseAutoscaler,
        ResumeAutoscaler,
        ResignRecord {
  String cluster();

  String nodegroup();
}
