package dev.ekssteward.thumbprint.plan;

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
    String target,
    String cluster,
    List<String> clientIds,
    List<String> thumbprints,
    Map<String, String> tags,
    Probe.Verified evidence)
    implements RotatorAction {
  public CreateProvider {
    clientIds = List.copyOf(clientIds);
    thumbprints = List.copyOf(thumbprints);
    tags = Map.copyOf(tags);
  }

  @Override
  public Map<String, Object> details() {
    return chainDetails(
        "cluster", cluster,
        "clientIds", clientIds,
        "thumbprints", thumbprints,
        "tags", new java.util.TreeMap<>(tags));
  }
}
