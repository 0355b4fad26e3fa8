package dev.ekssteward.tagging.aws;

import java.util.Map;

/**
 * An Auto Scaling group's tags as far as propagation cares.
 *
 * @param clusterTag its {@code eks:cluster-name} tag (EKS sets it on managed node group ASGs), or
 *     null
 * @param propagating the tags that already propagate at launch (key to value)
 * @param count how many tags it holds in all (ASGs also hold at most 50)
 */
public record AsgTags(String name, String clusterTag, Map<String, String> propagating, int count) {
  public static final String CLUSTER_TAG = "eks:cluster-name";

  public AsgTags {
    propagating = Map.copyOf(propagating);
  }
}
