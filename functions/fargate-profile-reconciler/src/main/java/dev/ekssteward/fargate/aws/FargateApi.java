package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The EKS calls the reconciler makes, without SDK types: {@link EksFargateApi} in production, an
 * in-memory EKS in tests. Mutations report expected refusals as a {@link Change} and throw only for
 * failures worth retrying the whole run for (throttling, 5xx, network, access denied).
 */
public interface FargateApi {
  /** What a mutation did. {@code arn} is set when known; {@code message} explains a refusal. */
  record Change(Result result, String arn, String message) {}

  enum Result {
    /** The call was accepted. */
    DONE,
    /** 409 ResourceInUseException: another profile is in transition, or the name is taken. */
    BUSY,
    /** The profile (or cluster) is already gone. */
    NOT_FOUND,
    /** EKS rejected the request (invalid parameter, quota); retrying the same call cannot help. */
    REJECTED
  }

  /** Every cluster name in the target. */
  List<String> clusters(Target target);

  /** Every Fargate profile of a cluster, described; null when the cluster does not exist. */
  List<ObservedProfile> profiles(Target target, String cluster);

  Change create(
      Target target, String cluster, String name, ProfileSpec spec, Map<String, String> tags);

  Change delete(Target target, String cluster, String name);

  Change tag(Target target, String arn, Map<String, String> tags);

  Change untag(Target target, String arn, Set<String> keys);
}
