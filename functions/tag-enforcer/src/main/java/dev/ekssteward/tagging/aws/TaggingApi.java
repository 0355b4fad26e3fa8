package dev.ekssteward.tagging.aws;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;

/**
 * The EKS and Auto Scaling calls the tag enforcer makes, in its own records: {@link SdkTaggingApi}
 * in production, an in-memory EKS in tests. Reads answer null for what does not exist; the two
 * mutations answer a {@link Result} and throw only what is worth retrying.
 */
public interface TaggingApi {
  /** Warms up the clients of services beyond the shared ones without sending anything. */
  default boolean prime() {
    return true;
  }

  /** Every cluster name of the target (ListClusters). */
  List<String> clusters(Target target);

  /** The cluster and its tags (DescribeCluster), or null when it does not exist. */
  TaggedResource cluster(Target target, String cluster);

  /** Every node group name of the cluster, or null when the cluster does not exist. */
  List<String> nodegroups(Target target, String cluster);

  /** The node group, its tags and its ASGs' names, or null when it does not exist. */
  TaggedResource nodegroup(Target target, String cluster, String name);

  /** Every Fargate profile name of the cluster, or null when the cluster does not exist. */
  List<String> fargateProfiles(Target target, String cluster);

  /** The Fargate profile and its tags, or null when it does not exist. */
  TaggedResource fargateProfile(Target target, String cluster, String name);

  /** Those of the named Auto Scaling groups that exist, by name. */
  Map<String, AsgTags> autoScalingGroups(Target target, List<String> names);

  /** EKS TagResource: sets these keys on the resource; its other tags stay. */
  Result tag(Target target, String arn, Map<String, String> tags);

  /** Auto Scaling CreateOrUpdateTags: sets these keys on the group with PropagateAtLaunch=true. */
  Result tagAutoScalingGroup(Target target, String name, Map<String, String> tags);
}
