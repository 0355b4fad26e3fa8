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

  /**
   * Ready to check: it has an issuer and serves it, ACTIVE or UPDATING. EKS: "Your cluster
   * continues to function during the update" (UpdateClusterVersion, API reference), which leaves
   * the cluster UPDATING for minutes to tens of minutes, and UpdateClusterConfig does too; skipping
   * it then would leave a daily check out for a day.
   */
  public boolean ready() {
    return issuer != null && ("ACTIVE".equals(status) || "UPDATING".equals(status));
  }

  public String label() {
    return region + "/" + name;
  }
}
