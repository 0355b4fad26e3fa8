package dev.ekssteward.scheduler.plan;

import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Details;
import java.util.Map;

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

  /**
   * The details every scheduler change starts with, the group's cluster and name, then {@code
   * keysAndValues} (as {@link Details#of}): the head of its report entry and of its audit events.
   */
  default Map<String, Object> groupDetails(Object... keysAndValues) {
    Map<String, Object> d = Details.of("cluster", cluster(), "nodegroup", nodegroup());
    d.putAll(Details.of(keysAndValues));
    return d;
  }
}
