package dev.ekssteward.tagging;

import java.util.Set;

/**
 * One taggable EKS resource.
 *
 * @param type {@code cluster}, {@code nodegroup} or {@code fargateprofile} (the policy's names)
 * @param cluster the cluster it belongs to (its own name for a cluster)
 * @param name the resource's own name
 * @param arn its ARN, or null when the event did not carry one
 */
public record ResourceRef(String type, String cluster, String name, String arn) {
  public static final String CLUSTER = "cluster";
  public static final String NODEGROUP = "nodegroup";
  public static final String FARGATE_PROFILE = "fargateprofile";
  private static final Set<String> TYPES = Set.of(CLUSTER, NODEGROUP, FARGATE_PROFILE);

  /**
   * Reads {@code arn:aws:eks:<region>:<account>:cluster/<c>}, {@code nodegroup/<c>/<n>/<id>} and
   * {@code fargateprofile/<c>/<p>/<id>}; null for anything else (add-ons, access entries, ...).
   */
  public static ResourceRef fromArn(String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("eks")) {
      return null;
    }
    String[] path = parts[5].split("/");
    if (!TYPES.contains(path[0])) {
      return null;
    }
    if (path[0].equals(CLUSTER)) {
      return path.length == 2 ? new ResourceRef(CLUSTER, path[1], path[1], arn) : null;
    }
    return path.length >= 3 ? new ResourceRef(path[0], path[1], path[2], arn) : null;
  }

  /** Same resource, whether or not either side knows the ARN. */
  public boolean sameAs(ResourceRef other) {
    return other != null
        && type.equals(other.type)
        && cluster.equals(other.cluster)
        && name.equals(other.name);
  }

  @Override
  public String toString() {
    return type.equals(CLUSTER) ? "cluster/" + cluster : type + "/" + cluster + "/" + name;
  }
}
