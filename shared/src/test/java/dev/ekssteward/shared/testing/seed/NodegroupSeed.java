package dev.ekssteward.shared.testing.seed;

import java.util.Map;

/**
 * A managed node group.
 *
 * @param name the node group's name
 * @param scaling its sizes; null: moto's default
 * @param tags the node group's tags
 * @param autoScalingGroup an Auto Scaling group under the name the node group reports (moto's EKS
 *     makes none); null: none
 */
public record NodegroupSeed(
    String name, Scaling scaling, Map<String, String> tags, AsgSeed autoScalingGroup) {

  public NodegroupSeed {
    tags = Map.copyOf(tags);
  }

  /** Sizes as EKS's {@code NodegroupScalingConfig}. */
  public record Scaling(int minSize, int desiredSize, int maxSize) {}

  public static NodegroupSeed nodegroup(String name) {
    return new NodegroupSeed(name, null, Map.of(), null);
  }

  public NodegroupSeed scaling(int minSize, int desiredSize, int maxSize) {
    return new NodegroupSeed(
        name, new Scaling(minSize, desiredSize, maxSize), tags, autoScalingGroup);
  }

  public NodegroupSeed tags(Map<String, String> all) {
    return new NodegroupSeed(name, scaling, all, autoScalingGroup);
  }

  /** Its Auto Scaling group, with these tags (each propagated at launch). */
  public NodegroupSeed autoScalingGroup(Map<String, String> groupTags) {
    return new NodegroupSeed(name, scaling, tags, AsgSeed.ofNodegroup(groupTags));
  }
}
