package dev.ekssteward.shared.aws;

import java.util.Objects;

/**
 * One (account, region) the functions work in.
 *
 * @param accountId the account, or null for the function's own
 * @param region the region
 * @param roleArn the role to assume there, or null to use the function's own credentials
 */
public record Target(String accountId, String region, String roleArn) {

  public static Target home(String region) {
    return new Target(null, region, null);
  }

  public boolean isHome() {
    return roleArn == null;
  }

  // Written out: a record's generated equals/hashCode bootstrap through ObjectMethods at first use,
  // method-handle spinning in every cold start (clients are cached by target; bench/variants.py
  // measures it as plain-records, local/runner's ColdPathIT keeps the tick free of it).
  @Override
  public boolean equals(Object o) {
    return o instanceof Target t
        && Objects.equals(accountId, t.accountId)
        && region.equals(t.region)
        && Objects.equals(roleArn, t.roleArn);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, region, roleArn);
  }

  @Override
  public String toString() {
    return (accountId == null ? "self" : accountId) + "/" + region;
  }
}
