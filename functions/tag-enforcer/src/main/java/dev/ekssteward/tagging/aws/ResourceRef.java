package dev.ekssteward.tagging.aws;

/**
 * One taggable EKS resource, as EKS describes it.
 *
 * @param type {@code cluster}, {@code nodegroup} or {@code fargateprofile} (the policy's names)
 * @param cluster the cluster it belongs to (its own name for a cluster)
 * @param name the resource's own name
 * @param arn its ARN
 */
public record ResourceRef(String type, String cluster, String name, String arn) {
  public static final String CLUSTER = "cluster";
  public static final String NODEGROUP = "nodegroup";
  public static final String FARGATE_PROFILE = "fargateprofile";
}
