package dev.ekssteward.scheduler.plan;

import java.util.LinkedHashMap;
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
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("nodegroup", nodegroup);
    d.put("originalScaling", record.encode());
    d.put("reason", reason);
    return d;
  }
}
