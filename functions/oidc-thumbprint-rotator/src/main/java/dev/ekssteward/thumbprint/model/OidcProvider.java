package dev.ekssteward.thumbprint.model;

import java.util.List;

/** An IAM OIDC identity provider as IAM describes it ({@code url} has no scheme). */
public record OidcProvider(
    String arn, String url, List<String> thumbprints, List<String> clientIds) {
  private static final String ARN_MARKER = ":oidc-provider/";

  public OidcProvider {
    thumbprints = List.copyOf(thumbprints);
    clientIds = List.copyOf(clientIds);
  }

  public IssuerUrl issuer() {
    return IssuerUrl.fromProviderUrl(url);
  }

  /** The provider URL an ARN names ({@code host[:port]/path}), or null for another kind of ARN. */
  public static String urlOf(String arn) {
    int at = arn == null ? -1 : arn.indexOf(ARN_MARKER);
    return at < 0 ? null : arn.substring(at + ARN_MARKER.length());
  }
}
