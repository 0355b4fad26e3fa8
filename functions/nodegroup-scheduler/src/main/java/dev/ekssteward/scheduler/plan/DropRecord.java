package dev.ekssteward.scheduler.plan;

import java.util.Map;

/** Remove the original-scaling record without touching sizes (restored already, or overridden). */
public record DropRecord(String target, String cluster, String nodegroup, String reason)
    implements SchedulerAction {
  @Override
  public Map<String, Object> details() {
    return groupDetails("reason", reason);
  }
}
