package dev.ekssteward.tagging;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Pages;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.TaggingConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * Reads tags with the Describe calls (they carry the tags, so no ListTagsForResource is needed) and
 * the ASGs of node groups when the policy propagates anything.
 */
final class TagReader {
  /** DescribeAutoScalingGroups takes at most this many names per call. */
  static final int ASG_BATCH = 50;

  private final AwsClients clients;
  private final Retry retry;

  @Inject
  TagReader(AwsClients clients, Retry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  /** Warms up Auto Scaling, the one service beyond the shared ones (no request leaves). */
  boolean prime() {
    return clients.warmUp(
        AutoScalingClient::builder,
        "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups/>"
            + "</DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>",
        c -> c.describeAutoScalingGroups(r -> r.autoScalingGroupNames("warm-up")));
  }

  /** The cluster's resources in the policy's scope, or only {@code only} when it is not null. */
  ClusterTags read(Target target, String cluster, TaggingConfig policy, ResourceRef only) {
    EksClient eks = clients.eks(target);
    Cluster c = describe(() -> eks.describeCluster(r -> r.name(cluster)).cluster());
    if (c == null) {
      return ClusterTags.missing(cluster);
    }
    List<TaggedResource> resources = new ArrayList<>();
    if (wanted(policy, only, ResourceRef.CLUSTER)) {
      resources.add(
          new TaggedResource(ref(ResourceRef.CLUSTER, c.name(), c.arn()), c.tags(), List.of()));
    }
    if (wanted(policy, only, ResourceRef.NODEGROUP)) {
      for (String name : only != null ? List.of(only.name()) : nodegroups(eks, cluster)) {
        Nodegroup n =
            describe(
                () ->
                    eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                        .nodegroup());
        if (n != null) {
          List<String> asgs =
              n.resources() == null
                  ? List.of()
                  : n.resources().autoScalingGroups().stream()
                      .map(software.amazon.awssdk.services.eks.model.AutoScalingGroup::name)
                      .toList();
          resources.add(
              new TaggedResource(
                  new ResourceRef(ResourceRef.NODEGROUP, cluster, name, n.nodegroupArn()),
                  n.tags(),
                  asgs));
        }
      }
    }
    if (wanted(policy, only, ResourceRef.FARGATE_PROFILE)) {
      for (String name : only != null ? List.of(only.name()) : profiles(eks, cluster)) {
        FargateProfile p =
            describe(
                () ->
                    eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                        .fargateProfile());
        if (p != null) {
          resources.add(
              new TaggedResource(
                  new ResourceRef(
                      ResourceRef.FARGATE_PROFILE, cluster, name, p.fargateProfileArn()),
                  p.tags(),
                  List.of()));
        }
      }
    }
    return new ClusterTags(cluster, true, c.tags(), resources, asgs(target, policy, resources));
  }

  private static boolean wanted(TaggingConfig policy, ResourceRef only, String type) {
    return only == null ? policy.resourceTypes().contains(type) : only.type().equals(type);
  }

  private static ResourceRef ref(String type, String cluster, String arn) {
    return new ResourceRef(type, cluster, cluster, arn);
  }

  private List<String> nodegroups(EksClient eks, String cluster) {
    return retry.call(() -> Fleet.allNodegroups(eks, cluster));
  }

  private List<String> profiles(EksClient eks, String cluster) {
    return retry.call(() -> Fleet.allFargateProfiles(eks, cluster));
  }

  /** The ASGs of the node groups, only when some rule propagates to them. */
  private Map<String, AsgTags> asgs(
      Target target, TaggingConfig policy, List<TaggedResource> resources) {
    List<String> names = resources.stream().flatMap(r -> r.asgNames().stream()).distinct().toList();
    if (names.isEmpty() || policy.required().stream().noneMatch(r -> r.propagateToAsg())) {
      return Map.of();
    }
    AutoScalingClient autoscaling =
        clients.service("autoscaling", target, AutoScalingClient::builder);
    Map<String, AsgTags> out = new HashMap<>();
    for (int i = 0; i < names.size(); i += ASG_BATCH) {
      List<String> batch = names.subList(i, Math.min(names.size(), i + ASG_BATCH));
      List<AutoScalingGroup> groups =
          retry.call(
              () ->
                  Pages.all(
                      t ->
                          autoscaling.describeAutoScalingGroups(
                              r -> r.autoScalingGroupNames(batch).nextToken(t)),
                      DescribeAutoScalingGroupsResponse::autoScalingGroups,
                      DescribeAutoScalingGroupsResponse::nextToken));
      groups.forEach(g -> out.put(g.autoScalingGroupName(), asg(g)));
    }
    return out;
  }

  private static AsgTags asg(AutoScalingGroup group) {
    Map<String, String> propagating = new HashMap<>();
    String cluster = null;
    for (TagDescription t : group.tags()) {
      if (Boolean.TRUE.equals(t.propagateAtLaunch())) {
        propagating.put(t.key(), t.value());
      }
      if (t.key().equals(AsgTags.CLUSTER_TAG)) {
        cluster = t.value();
      }
    }
    return new AsgTags(group.autoScalingGroupName(), cluster, propagating, group.tags().size());
  }

  private <T> T describe(java.util.function.Supplier<T> call) {
    try {
      return retry.call(call);
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }
}
