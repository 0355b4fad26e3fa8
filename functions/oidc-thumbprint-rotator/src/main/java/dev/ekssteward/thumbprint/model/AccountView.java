package dev.ekssteward.thumbprint.model;

import java.util.List;

/**
 * What one account looks like to the rotator: the issuers to check, the clusters that have no
 * issuer to check yet, and what was left alone on purpose.
 */
public record AccountView(
    List<IssuerCheck> checks, List<ClusterIssuer> notReady, List<Skipped> skipped) {

  /** Something in view that is out of scope, with the reason. */
  public record Skipped(String target, String reason) {}

  public AccountView {
    checks = List.copyOf(checks);
    notReady = List.copyOf(notReady);
    skipped = List.copyOf(skipped);
  }
}
