package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import java.util.Map;

/**
 * Set the recorded sizes back, then remove the record (which stays until the restore worked, and
 * with {@code keepRecord} until a later look sees the autoscaler tags it remembers back).
 */
public record Restore(
    String target,
    String cluster,
    String nodegroup,
    Sizes before,
    OriginalScaling record,
    String reason,
    double nodeHoursAvoided,
    String token,
    boolean keepRecord)
    implements SchedulerAction {

  @Override
  public Map<String, Object> details() {
    return groupDetails(
        "before", before.toMap(),
        "after", record.sizes().toMap(),
        "reason", reason,
        "downSince", record.downAt().toString(),
        "nodeHoursAvoided", nodeHoursAvoided);
  }
}
