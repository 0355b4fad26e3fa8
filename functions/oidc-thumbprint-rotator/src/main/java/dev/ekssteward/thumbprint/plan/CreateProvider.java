package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.shared.pipeline.Details;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.util.List;
import java.util.Map;

/**
 * Create the IAM OIDC provider of a cluster's issuer, as {@code eksctl utils
 * associate-iam-oidc-provider} does: client id {@code sts.amazonaws.com}, the computed thumbprints,
 * and the managed-by tag.
 *
 * @param target the issuer URL (the provider has no ARN yet)
 * @param use whether IAM will rely on the thumbprints
 */
public record CreateProvider(
    String target,
    String cluster,
    List<String> clientIds,
    List<String> thumbprints,
    Map<String, String> tags,
    List<ChainEnd> ends,
    ThumbprintUse use)
    implements RotatorAction {
  public static final String STS_CLIENT_ID = "sts.amazonaws.com";

  public CreateProvider {
    clientIds = List.copyOf(clientIds);
    thumbprints = List.copyOf(thumbprints);
    tags = Map.copyOf(tags);
    ends = List.copyOf(ends);
  }

  @Override
  public Map<String, Object> details() {
    return Details.of(
        "cluster",
        cluster,
        "clientIds",
        clientIds,
        "thumbprints",
        thumbprints,
        "tags",
        new java.util.TreeMap<>(tags),
        "certificates",
        ends.stream().map(CreateProvider::describe).toList(),
        "thumbprintUse",
        use.toString());
  }

  static Map<String, Object> describe(ChainEnd end) {
    return Details.of(
        "endpoint", end.host() + ":" + end.port(),
        "thumbprint", end.thumbprint(),
        "subject", end.subject());
  }
}
