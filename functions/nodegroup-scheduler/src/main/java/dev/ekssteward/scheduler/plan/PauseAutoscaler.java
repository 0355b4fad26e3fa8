package dev.ekssteward.scheduler.plan;

import java.util.List;
import java.util.Map;

/**
 * Take Cluster Autoscaler's discovery tags off a down group's Auto Scaling groups (opt-in), after
 * writing the record that remembers their values: it then forgets the group until the morning.
 *
 * @param autoScalingGroups the group's, as observed: {@code Nodegroup} holds them immutable
 */
public record PauseAutoscaler(
    String target,
    String cluster,
    String nodegroup,
    List<String> autoScalingGroups,
    OriginalScaling record)
    implements SchedulerAction {
  @Override
  public Map<String, Object> details() {
    return groupDetails(
        "autoScalingGroups", autoScalingGroups,
        "tags", record.autoscaler().toMap(cluster),
        "originalScaling", record.encode());
  }
}
