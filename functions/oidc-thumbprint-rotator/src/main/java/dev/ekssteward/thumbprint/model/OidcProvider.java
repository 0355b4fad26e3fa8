package dev.ekssteward.thumbprint.model;

import java.util.List;

/** An IAM OIDC identity provider as IAM describes it ({@code url} has no scheme). */
public record OidcProvider(
    String arn, String url, List<String> thumbprints, List<String> clientIds) {
  public OidcProvider {
    thumbprints = List.copyOf(thumbprints);
    clientIds = List.copyOf(clientIds);
  }

  public IssuerUrl issuer() {
    return IssuerUrl.fromProviderUrl(url);
  }
}
