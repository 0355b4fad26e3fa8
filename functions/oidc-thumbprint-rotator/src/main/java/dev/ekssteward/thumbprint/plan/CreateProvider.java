package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.thumbprint.model.Probe;
import java.util.List;
import java.util.Map;

/**
 * Create the IAM OIDC provider of a cluster's issuer, as {@code eksctl utils
 * associate-iam-oidc-provider} does: client id {@code sts.amazonaws.com}, the computed thumbprints,
 * and the managed-by tag.
 *
 * @param target the issuer URL (the provider has no ARN yet)
 * @param evidence the check the thumbprints come from (and whether IAM will rely on them)
 */
public record CreateProvider(
    String target, String cluster, List<String> thumbprints, Probe.Verified evidence)
    implements RotatorAction {
  /** The audience of the web identity tokens IRSA hands to STS. */
  static final String STS_CLIENT_ID = "sts.amazonaws.com";

  public CreateProvider {
    thumbprints = List.copyOf(thumbprints);
  }

  /** The provider's client ids: the one audience IRSA uses. */
  public List<String> clientIds() {
    return List.of(STS_CLIENT_ID);
  }

  /** The provider's tags: the managed-by tag that makes it the rotator's own. */
  public Map<String, String> tags() {
    return Map.of(Contract.MANAGED_TAG, "true");
  }

  @Override
  public Map<String, Object> details() {
    return chainDetails(
        "cluster",
        cluster,
        "clientIds",
        clientIds(),
        "thumbprints",
        thumbprints,
        "tags",
        new java.util.TreeMap<>(tags()));
  }
}
