package dev.ekssteward.scheduler.eks;

import dev.ekssteward.scheduler.asg.AutoscalerTags;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the scheduler needs to know of one managed node group.
 *
 * @param autoScalingGroups the Auto Scaling groups EKS made for it (none while it is created)
 * @param autoscaler Cluster Autoscaler's discovery tags found on those groups; null when they were
 *     not looked at (the opt-in is off and no record mentions them)
 * @param instanceType the first of the group's {@code instanceTypes} (what the savings estimate
 *     prices its node-hours at), or null when EKS names none (a launch template chooses it)
 */
public record Nodegroup(
    String cluster,
    String name,
    String arn,
    String status,
    Sizes sizes,
    Map<String, String> tags,
    Instant createdAt,
    List<String> autoScalingGroups,
    AutoscalerTags autoscaler,
    String instanceType) {
  public Nodegroup {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
    autoScalingGroups = autoScalingGroups == null ? List.of() : List.copyOf(autoScalingGroups);
  }

  public boolean isActive() {
    return "ACTIVE".equals(status);
  }

  /**
   * Whether EKS takes an UpdateNodegroupConfig for it: ACTIVE, or DEGRADED. A failed scale-out
   * (InsufficientInstanceCapacity) leaves a group DEGRADED until a scale-out succeeds, and its
   * scaling can still be changed meanwhile (aws/containers-roadmap#2326); one that is really busy
   * answers 409, which the executors already defer.
   */
  public boolean acceptsScaling() {
    return isActive() || "DEGRADED".equals(status);
  }

  /** The same group, with the autoscaler tags found on its Auto Scaling groups. */
  public Nodegroup withAutoscaler(AutoscalerTags found) {
    return new Nodegroup(
        cluster, name, arn, status, sizes, tags, createdAt, autoScalingGroups, found, instanceType);
  }
}
