package dev.ekssteward.shared.aws;

import dev.ekssteward.shared.config.ClusterFilter;
import java.util.List;
import software.amazon.awssdk.services.eks.model.Cluster;

/** Lists the EKS clusters of a target (every page) and keeps those the config selects. */
public final class Fleet {
  /** Cluster tag that takes a whole cluster out of every function's scope. */
  public static final String EXCLUDE_TAG = "eks-steward/exclude";

  private final AwsClients clients;
  private final Retry retry;

  public Fleet(AwsClients clients, Retry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  public List<String> clusterNames(Target target, ClusterFilter filter) {
    return retry
        .call(
            () ->
                clients
                    .eks(target)
                    .listClustersPaginator(r -> r.maxResults(100))
                    .clusters()
                    .stream()
                    .toList())
        .stream()
        .filter(filter::matches)
        .sorted()
        .toList();
  }

  /** DescribeCluster, or null when the cluster is gone. */
  public Cluster describe(Target target, String cluster) {
    try {
      return retry.call(() -> clients.eks(target).describeCluster(r -> r.name(cluster)).cluster());
    } catch (software.amazon.awssdk.services.eks.model.ResourceNotFoundException e) {
      return null;
    }
  }

  public static boolean excludedByTag(java.util.Map<String, String> tags) {
    return tags != null && "true".equalsIgnoreCase(tags.get(EXCLUDE_TAG));
  }
}
