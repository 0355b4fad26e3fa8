package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import java.util.Map;

/**
 * Record the sizes on the group, then set its night state: min 0, desired 0, the night max. {@code
 * before} is the sizes it leaves: the recorded ones, or a night state whose desired an autoscaler
 * raised before it was paused.
 */
public record ScaleDown(
    String target,
    String cluster,
    String nodegroup,
    OriginalScaling record,
    Sizes before,
    String token)
    implements SchedulerAction {
  public ScaleDown(
      String target, String cluster, String nodegroup, OriginalScaling record, String token) {
    this(target, cluster, nodegroup, record, record.sizes(), token);
  }

  public Sizes after() {
    return record.night();
  }

  @Override
  public Map<String, Object> details() {
    return groupDetails(
        "before", before.toMap(),
        "after", after().toMap(),
        "originalScaling", record.encode());
  }
}
