package dev.ekssteward.thumbprint.model;

import java.time.Instant;

/**
 * An EKS cluster and its OIDC issuer (null until EKS assigns one).
 *
 * @param excluded tagged {@code eks-steward/exclude=true}
 */
public record ClusterIssuer(
    String region,
    String name,
    String arn,
    String status,
    String issuer,
    Instant createdAt,
    boolean excluded) {

  public boolean creating() {
    return "CREATING".equals(status);
  }

  /** Ready to check: active and with an issuer. */
  public boolean ready() {
    return "ACTIVE".equals(status) && issuer != null;
  }

  public String label() {
    return region + "/" + name;
  }
}
