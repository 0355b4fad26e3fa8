package dev.ekssteward.scheduler.eks;

import dev.ekssteward.shared.apply.Result;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EKS calls the scheduler makes, in its own records; mutations answer a {@link Result}. The SDK
 * adapter implements it for AWS; tests implement it with an in-memory EKS that can be busy or
 * throttled.
 */
public interface NodegroupApi {
  /** ListClusters, every page. */
  List<String> listClusters();

  /** DescribeCluster, or null when the cluster is gone. */
  Cluster describeCluster(String cluster);

  /** ListTagsForResource of a cluster's ARN, or null when the cluster is gone. */
  Map<String, String> clusterTags(String clusterArn);

  /** ListNodegroups, every page, or null when the cluster is gone. */
  List<String> listNodegroups(String cluster);

  /** DescribeNodegroup, or null when it is gone. */
  Nodegroup describeNodegroup(String cluster, String nodegroup);

  Result tagResource(String arn, Map<String, String> tags);

  Result untagResource(String arn, Set<String> keys);

  /** UpdateNodegroupConfig with a scaling config; the token makes a retry idempotent. */
  Result updateScaling(String cluster, String nodegroup, Sizes sizes, String clientRequestToken);
}
