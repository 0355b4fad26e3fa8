package dev.ekssteward.shared.testing.seed;

import java.util.Map;

/**
 * An Auto Scaling group as EKS makes one for a managed node group, which moto's EKS does not: an
 * empty group (0 to 1 instances) from a launch configuration of its own. Every tag is propagated at
 * launch.
 *
 * @param name the group's name; null inside a {@link NodegroupSeed}: the name the node group
 *     reports
 * @param tags the group's tags
 */
public record AsgSeed(String name, Map<String, String> tags) {
  public AsgSeed {
    tags = Map.copyOf(tags);
  }

  public static AsgSeed named(String name, Map<String, String> tags) {
    return new AsgSeed(name, tags);
  }

  static AsgSeed ofNodegroup(Map<String, String> tags) {
    return new AsgSeed(null, tags);
  }
}
