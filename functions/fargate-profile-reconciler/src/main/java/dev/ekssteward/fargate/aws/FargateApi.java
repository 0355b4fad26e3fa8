package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EKS calls the reconciler makes, without SDK types: {@link EksFargateApi} in production, an
 * in-memory EKS in tests. Mutations answer a {@link Result} (a create's {@code Done} carries the
 * new profile's ARN): 409 is {@code Busy}, a missing profile or cluster {@code NotFound}, any other
 * refusal {@code Refused}. They throw only what is worth retrying the whole run for (throttling,
 * 5xx, network), after the SDK's own attempts.
 */
public interface FargateApi {
  /** Every cluster name in the target. */
  List<String> clusters(Target target);

  /** Every Fargate profile of a cluster, described; null when the cluster does not exist. */
  List<ObservedProfile> profiles(Target target, String cluster);

  /**
   * The cluster's own tags (its {@code eks-steward/exclude}); null when the cluster does not exist.
   * {@code profileArn}, any profile of the cluster (null when it has none), names the cluster's
   * ARN, so the tags can be read without describing the cluster.
   */
  Map<String, String> clusterTags(Target target, String cluster, String profileArn);

  Result create(
      Target target, String cluster, String name, ProfileSpec spec, Map<String, String> tags);

  Result delete(Target target, String cluster, String name);

  Result tag(Target target, String arn, Map<String, String> tags);

  Result untag(Target target, String arn, Set<String> keys);
}
