package dev.ekssteward.scheduler.eks;

import dev.ekssteward.shared.aws.Retry;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Backs off on what the SDK does not retry (409 ResourceInUse, "Request limit exceeded"). The token
 * of an update is fixed before the first attempt, so retries are idempotent.
 */
public final class RetryingNodegroupApi implements NodegroupApi {
  private final NodegroupApi api;
  private final Retry retry;

  public RetryingNodegroupApi(NodegroupApi api, Retry retry) {
    this.api = api;
    this.retry = retry;
  }

  @Override
  public List<String> listClusters() {
    return retry.call(api::listClusters);
  }

  @Override
  public Cluster describeCluster(String cluster) {
    return retry.call(() -> api.describeCluster(cluster));
  }

  @Override
  public Map<String, String> clusterTags(String clusterArn) {
    return retry.call(() -> api.clusterTags(clusterArn));
  }

  @Override
  public List<String> listNodegroups(String cluster) {
    return retry.call(() -> api.listNodegroups(cluster));
  }

  @Override
  public Nodegroup describeNodegroup(String cluster, String nodegroup) {
    return retry.call(() -> api.describeNodegroup(cluster, nodegroup));
  }

  @Override
  public void tagResource(String arn, Map<String, String> tags) {
    retry.run(() -> api.tagResource(arn, tags));
  }

  @Override
  public void untagResource(String arn, Set<String> keys) {
    retry.run(() -> api.untagResource(arn, keys));
  }

  @Override
  public void updateScaling(String cluster, String nodegroup, Sizes sizes, String token) {
    retry.run(() -> api.updateScaling(cluster, nodegroup, sizes, token));
  }
}
