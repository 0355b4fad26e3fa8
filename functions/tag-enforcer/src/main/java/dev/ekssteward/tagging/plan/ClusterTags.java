package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.tagging.aws.AsgTags;
import dev.ekssteward.tagging.aws.TaggedResource;
import java.util.List;
import java.util.Map;

/**
 * The observed state of one scope: a cluster's own tags, the resources in the policy's scope (all
 * of them on a sweep, the event's one otherwise) and the ASGs of their node groups by name.
 *
 * @param exists false when the cluster is gone (nothing to do)
 */
public record ClusterTags(
    String cluster,
    boolean exists,
    Map<String, String> clusterTags,
    List<TaggedResource> resources,
    Map<String, AsgTags> asgs) {

  public ClusterTags {
    clusterTags = Map.copyOf(clusterTags);
    resources = List.copyOf(resources);
    asgs = Map.copyOf(asgs);
  }

  public static ClusterTags missing(String cluster) {
    return new ClusterTags(cluster, false, Map.of(), List.of(), Map.of());
  }

  /**
   * A cluster or node group tagged {@code eks-steward/exclude=true} (any case): out of every
   * function's scope.
   */
  public static boolean excluded(Map<String, String> tags) {
    return "true".equalsIgnoreCase(tags.get(Contract.EXCLUDE_TAG));
  }

  public boolean excluded() {
    return excluded(clusterTags);
  }
}
