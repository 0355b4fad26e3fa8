package dev.ekssteward.shared.aws;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.ClusterFilter;
import java.util.List;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ListClustersResponse;
import software.amazon.awssdk.services.eks.model.ListFargateProfilesResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;

/**
 * Lists the EKS clusters of a target (every page) and keeps those the config selects; and the
 * every-page listings of a cluster's node groups and Fargate profiles the functions share.
 */
public final class Fleet {
  /** Cluster tag that takes a whole cluster out of every function's scope. */
  public static final String EXCLUDE_TAG = Contract.EXCLUDE_TAG;

  private final AwsClients clients;

  public Fleet(AwsClients clients) {
    this.clients = clients;
  }

  public List<String> clusterNames(Target target, ClusterFilter filter) {
    return allClusters(clients.eks(target)).stream().filter(filter::matches).sorted().toList();
  }

  /** Every cluster name of the client's account and region (ListClusters, 100 a page). */
  public static List<String> allClusters(EksClient eks) {
    return Pages.all(
        t -> eks.listClusters(r -> r.maxResults(100).nextToken(t)),
        ListClustersResponse::clusters,
        ListClustersResponse::nextToken);
  }

  /** Every node group name of a cluster (ListNodegroups, 100 a page). */
  public static List<String> allNodegroups(EksClient eks, String cluster) {
    return Pages.all(
        t -> eks.listNodegroups(r -> r.clusterName(cluster).maxResults(100).nextToken(t)),
        ListNodegroupsResponse::nodegroups,
        ListNodegroupsResponse::nextToken);
  }

  /** Every Fargate profile name of a cluster (ListFargateProfiles, 100 a page). */
  public static List<String> allFargateProfiles(EksClient eks, String cluster) {
    return Pages.all(
        t -> eks.listFargateProfiles(r -> r.clusterName(cluster).maxResults(100).nextToken(t)),
        ListFargateProfilesResponse::fargateProfileNames,
        ListFargateProfilesResponse::nextToken);
  }

  /** DescribeCluster, or null when the cluster is gone. */
  public Cluster describe(Target target, String cluster) {
    try {
      return clients.eks(target).describeCluster(r -> r.name(cluster)).cluster();
    } catch (software.amazon.awssdk.services.eks.model.ResourceNotFoundException e) {
      return null;
    }
  }

  public static boolean excludedByTag(java.util.Map<String, String> tags) {
    return tags != null && "true".equalsIgnoreCase(tags.get(EXCLUDE_TAG));
  }
}
