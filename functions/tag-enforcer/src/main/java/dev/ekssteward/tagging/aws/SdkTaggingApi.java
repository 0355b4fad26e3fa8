package dev.ekssteward.tagging.aws;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Pages;
import dev.ekssteward.shared.aws.Target;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.inject.Inject;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Tag;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * {@link TaggingApi} over the SDK: the only class that sees EKS and Auto Scaling request and
 * response types. The Describe calls carry the tags, so no ListTagsForResource is needed.
 */
public final class SdkTaggingApi implements TaggingApi {
  /** DescribeAutoScalingGroups takes at most this many names per call. */
  static final int ASG_BATCH = 50;

  private final AwsClients clients;

  @Inject
  public SdkTaggingApi(AwsClients clients) {
    this.clients = clients;
  }

  /** Auto Scaling is the one service beyond the shared ones; its warm-up is answered in memory. */
  @Override
  public boolean prime() {
    return clients.warmUp(
        AutoScalingClient::builder,
        "<DescribeAutoScalingGroupsResponse><DescribeAutoScalingGroupsResult><AutoScalingGroups/>"
            + "</DescribeAutoScalingGroupsResult></DescribeAutoScalingGroupsResponse>",
        c -> c.describeAutoScalingGroups(r -> r.autoScalingGroupNames("warm-up")));
  }

  @Override
  public List<String> clusters(Target target) {
    return Fleet.allClusters(eks(target));
  }

  @Override
  public TaggedResource cluster(Target target, String cluster) {
    return described(
        () -> eks(target).describeCluster(r -> r.name(cluster)).cluster(),
        c ->
            new TaggedResource(
                new ResourceRef(ResourceRef.CLUSTER, c.name(), c.name(), c.arn()),
                c.tags(),
                List.of(),
                c.statusAsString()));
  }

  @Override
  public List<String> nodegroups(Target target, String cluster) {
    return described(() -> Fleet.allNodegroups(eks(target), cluster), names -> names);
  }

  @Override
  public TaggedResource nodegroup(Target target, String cluster, String name) {
    return described(
        () ->
            eks(target)
                .describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                .nodegroup(),
        n ->
            new TaggedResource(
                new ResourceRef(ResourceRef.NODEGROUP, cluster, name, n.nodegroupArn()),
                n.tags(),
                asgNames(n),
                n.statusAsString()));
  }

  /** The Auto Scaling groups EKS made for a node group (none while it is being created). */
  private static List<String> asgNames(Nodegroup n) {
    return n.resources() == null
        ? List.of()
        : n.resources().autoScalingGroups().stream()
            .map(software.amazon.awssdk.services.eks.model.AutoScalingGroup::name)
            .toList();
  }

  @Override
  public List<String> fargateProfiles(Target target, String cluster) {
    return described(() -> Fleet.allFargateProfiles(eks(target), cluster), names -> names);
  }

  @Override
  public TaggedResource fargateProfile(Target target, String cluster, String name) {
    return described(
        () ->
            eks(target)
                .describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                .fargateProfile(),
        p ->
            new TaggedResource(
                new ResourceRef(ResourceRef.FARGATE_PROFILE, cluster, name, p.fargateProfileArn()),
                p.tags(),
                List.of(),
                p.statusAsString()));
  }

  @Override
  public Map<String, AsgTags> autoScalingGroups(Target target, List<String> names) {
    Map<String, AsgTags> out = new HashMap<>();
    for (int i = 0; i < names.size(); i += ASG_BATCH) {
      List<String> batch = names.subList(i, Math.min(names.size(), i + ASG_BATCH));
      List<AutoScalingGroup> groups =
          Pages.all(
              t ->
                  autoscaling(target)
                      .describeAutoScalingGroups(r -> r.autoScalingGroupNames(batch).nextToken(t)),
              DescribeAutoScalingGroupsResponse::autoScalingGroups,
              DescribeAutoScalingGroupsResponse::nextToken);
      groups.forEach(g -> out.put(g.autoScalingGroupName(), asg(g)));
    }
    return out;
  }

  @Override
  public Result tag(Target target, String arn, Map<String, String> tags) {
    return Answers.of(() -> eks(target).tagResource(r -> r.resourceArn(arn).tags(tags)));
  }

  @Override
  public Result tagAutoScalingGroup(Target target, String name, Map<String, String> tags) {
    List<Tag> asgTags =
        tags.entrySet().stream()
            .map(
                e ->
                    Tag.builder()
                        .resourceId(name)
                        .resourceType("auto-scaling-group")
                        .key(e.getKey())
                        .value(e.getValue())
                        .propagateAtLaunch(true)
                        .build())
            .toList();
    return Answers.of(() -> autoscaling(target).createOrUpdateTags(r -> r.tags(asgTags)));
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

  /** What a read returned, or null when EKS says the resource (or its cluster) does not exist. */
  /** What {@code read} found, mapped; null when EKS answers not found (gone meanwhile). */
  private static <T, R> R described(Supplier<T> read, Function<T, R> map) {
    try {
      return map.apply(read.get());
    } catch (ResourceNotFoundException e) {
      return null;
    }
  }

  private EksClient eks(Target target) {
    return clients.eks(target);
  }

  private AutoScalingClient autoscaling(Target target) {
    return clients.service("autoscaling", target, AutoScalingClient::builder);
  }
}
