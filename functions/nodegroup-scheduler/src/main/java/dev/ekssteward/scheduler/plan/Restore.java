package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import java.util.LinkedHashMap;
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

  public Restore(
      String target,
      String cluster,
      String nodegroup,
      Sizes before,
      OriginalScaling record,
      String reason,
      double nodeHoursAvoided,
      String token) {
    this(target, cluster, nodegroup, before, record, reason, nodeHoursAvoided, token, false);
  }

  @Override
  public Map<String, Object> details() {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("nodegroup", nodegroup);
    d.put("before", before.toMap());
    d.put("after", record.sizes().toMap());
    d.put("reason", reason);
    d.put("downSince", record.downAt().toString());
    d.put("nodeHoursAvoided", nodeHoursAvoided);
    return d;
  }
}
