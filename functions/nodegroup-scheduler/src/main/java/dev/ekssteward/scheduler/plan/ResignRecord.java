package dev.ekssteward.scheduler.plan;

import java.util.Map;

/**
 * Sign the size record an earlier version wrote unsigned, which agrees with the group (see {@link
 * RecordCheck}): from then on it verifies like any record of ours.
 */
public record ResignRecord(
    String target, String cluster, String nodegroup, OriginalScaling record, String reason)
    implements SchedulerAction {
  @Override
  public Map<String, Object> details() {
    return groupDetails("originalScaling", record.encode(), "reason", reason);
  }
}
