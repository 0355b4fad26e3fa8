package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.asg.AutoscalerTags;
import java.util.List;
import java.util.Map;

/**
 * Put back the Cluster Autoscaler tags a record remembers on the group's Auto Scaling groups. The
 * record stays until a later look sees them back.
 *
 * @param autoScalingGroups the group's, as observed: {@code Nodegroup} holds them immutable
 */
public record ResumeAutoscaler(
    String target,
    String cluster,
    String nodegroup,
    List<String> autoScalingGroups,
    AutoscalerTags tags)
    implements SchedulerAction {

  @Override
  public Map<String, Object> details() {
    return groupDetails("autoScalingGroups", autoScalingGroups, "tags", tags.toMap(cluster));
  }
}
