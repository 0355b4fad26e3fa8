package dev.ekssteward.scheduler.eks;

import dev.ekssteward.shared.aws.Fleet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;
import software.amazon.awssdk.services.eks.model.NotFoundException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** {@link NodegroupApi} over the EKS SDK client of one target. The only class with SDK types. */
public final class EksNodegroupApi implements NodegroupApi {
  private final EksClient eks;

  public EksNodegroupApi(EksClient eks) {
    this.eks = eks;
  }

  @Override
  public List<String> listClusters() {
    return Fleet.allClusters(eks);
  }

  @Override
  public Cluster describeCluster(String cluster) {
    try {
      var c = eks.describeCluster(r -> r.name(cluster)).cluster();
      return new Cluster(c.name(), c.arn(), c.tags());
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  @Override
  public Map<String, String> clusterTags(String clusterArn) {
    try {
      return eks.listTagsForResource(r -> r.resourceArn(clusterArn)).tags();
    } catch (NotFoundException e) {
      return null;
    }
  }

  @Override
  public List<String> listNodegroups(String cluster) {
    try {
      return Fleet.allNodegroups(eks, cluster);
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  @Override
  public Nodegroup describeNodegroup(String cluster, String nodegroup) {
    try {
      var g =
          eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(nodegroup)).nodegroup();
      NodegroupScalingConfig s = g.scalingConfig();
      Sizes sizes =
          s == null
              ? new Sizes(0, 0, 1)
              : new Sizes(orZero(s.minSize()), orZero(s.desiredSize()), orZero(s.maxSize()));
      return new Nodegroup(
          cluster,
          g.nodegroupName(),
          g.nodegroupArn(),
          g.statusAsString(),
          sizes,
          g.tags(),
          g.createdAt());
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  @Override
  public void tagResource(String arn, Map<String, String> tags) {
    eks.tagResource(r -> r.resourceArn(arn).tags(tags));
  }

  @Override
  public void untagResource(String arn, Set<String> keys) {
    eks.untagResource(r -> r.resourceArn(arn).tagKeys(keys));
  }

  @Override
  public void updateScaling(String cluster, String nodegroup, Sizes sizes, String token) {
    eks.updateNodegroupConfig(
        r ->
            r.clusterName(cluster)
                .nodegroupName(nodegroup)
                .clientRequestToken(token)
                .scalingConfig(
                    c -> c.minSize(sizes.min()).desiredSize(sizes.desired()).maxSize(sizes.max())));
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }
}
