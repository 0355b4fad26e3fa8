package dev.ekssteward.thumbprint.model;

/**
 * One issuer in scope, the IAM provider for it (null when missing) and what its endpoints presented
 * (null when not probed, e.g. a missing provider that will not be created).
 *
 * @param cluster the cluster whose issuer this is, or null for a configured extra issuer
 */
public record IssuerCheck(
    IssuerUrl issuer, ClusterIssuer cluster, OidcProvider provider, Probe probe) {

  /** The provider's ARN, else the cluster's, else the issuer URL: what findings name. */
  public String target() {
    if (provider != null) {
      return provider.arn();
    }
    return cluster != null && cluster.arn() != null ? cluster.arn() : issuer.toString();
  }
}
