package dev.ekssteward.shared.testing.seed;

import java.util.List;

/**
 * An IAM OIDC provider (IRSA, CI systems).
 *
 * @param url the issuer; null inside a {@link ClusterSeed}: the cluster's own issuer
 * @param clientIds the audiences
 * @param thumbprints the TLS thumbprints as stored (any case; IAM checks the form)
 */
public record ProviderSeed(String url, List<String> clientIds, List<String> thumbprints) {
  public ProviderSeed {
    clientIds = List.copyOf(clientIds);
    thumbprints = List.copyOf(thumbprints);
  }

  /** A provider of this issuer, for STS (IRSA's audience), with no thumbprint yet. */
  public static ProviderSeed issuer(String url) {
    return new ProviderSeed(url, List.of("sts.amazonaws.com"), List.of());
  }

  /** The provider of the enclosing cluster's issuer. */
  public static ProviderSeed clusterIssuer() {
    return issuer(null);
  }

  public ProviderSeed thumbprints(String... values) {
    return new ProviderSeed(url, clientIds, List.of(values));
  }

  public ProviderSeed clientIds(String... values) {
    return new ProviderSeed(url, List.of(values), thumbprints);
  }
}
