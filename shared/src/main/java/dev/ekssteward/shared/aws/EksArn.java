package dev.ekssteward.shared.aws;

import java.util.Set;

/**
 * A cluster's, node group's or Fargate profile's ARN, read: {@code
 * arn:<partition>:eks:<region>:<account>:cluster/<c>}, {@code nodegroup/<c>/<n>/<id>}, {@code
 * fargateprofile/<c>/<p>/<id>}.
 *
 * @param kind {@code cluster}, {@code nodegroup} or {@code fargateprofile}
 * @param cluster the cluster (its own name for a cluster)
 * @param name the resource's own name
 */
public record EksArn(String kind, String cluster, String name, String arn) {
  public static final String CLUSTER = "cluster";
  public static final String NODEGROUP = "nodegroup";
  public static final String FARGATE_PROFILE = "fargateprofile";
  private static final Set<String> KINDS = Set.of(CLUSTER, NODEGROUP, FARGATE_PROFILE);

  /** The parts of {@code arn}; null for anything else (add-ons, access entries, other services). */
  public static EksArn parse(String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("eks")) {
      return null;
    }
    String[] path = parts[5].split("/");
    if (!KINDS.contains(path[0])) {
      return null;
    }
    if (path[0].equals(CLUSTER)) {
      return path.length == 2 ? new EksArn(CLUSTER, path[1], path[1], arn) : null;
    }
    return path.length >= 3 ? new EksArn(path[0], path[1], path[2], arn) : null;
  }
}
