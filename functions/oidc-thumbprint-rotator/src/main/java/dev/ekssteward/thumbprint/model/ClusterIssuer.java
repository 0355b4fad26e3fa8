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

  /**
   * On its way to ACTIVE: new (EKS: PENDING, then CREATING), or UPDATING (a configuration change
   * right after the create, as infrastructure tools make).
   */
  public boolean inTransition() {
    return "PENDING".equals(status) || "CREATING".equals(status) || "UPDATING".equals(status);
  }

  public boolean failed() {
    return "FAILED".equals(status);
  }

  /** Ready to check: active and with an issuer. */
  public boolean ready() {
    return "ACTIVE".equals(status) && issuer != null;
  }

  public String label() {
    return region + "/" + name;
  }
}
