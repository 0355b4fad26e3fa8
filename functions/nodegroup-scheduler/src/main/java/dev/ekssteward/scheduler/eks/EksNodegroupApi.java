package dev.ekssteward.scheduler.eks;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
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
          g.createdAt(),
          g.resources() == null
              ? List.of()
              : g.resources().autoScalingGroups().stream()
                  .map(software.amazon.awssdk.services.eks.model.AutoScalingGroup::name)
                  .toList(),
          null,
          g.hasInstanceTypes() && !g.instanceTypes().isEmpty() ? g.instanceTypes().get(0) : null);
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  @Override
  public Result tagResource(String arn, Map<String, String> tags) {
    return Answers.of(() -> eks.tagResource(r -> r.resourceArn(arn).tags(tags)));
  }

  @Override
  public Result untagResource(String arn, Set<String> keys) {
    return Answers.of(() -> eks.untagResource(r -> r.resourceArn(arn).tagKeys(keys)));
  }

  @Override
  public Result updateScaling(String cluster, String nodegroup, Sizes sizes, String token) {
    return Answers.of(
        () ->
            eks.updateNodegroupConfig(
                r ->
                    r.clusterName(cluster)
                        .nodegroupName(nodegroup)
                        .clientRequestToken(token)
                        .scalingConfig(
                            c ->
                                c.minSize(sizes.min())
                                    .desiredSize(sizes.desired())
                                    .maxSize(sizes.max()))));
  }

  private static int orZero(Integer n) {
    return n == null ? 0 : n;
  }
}
