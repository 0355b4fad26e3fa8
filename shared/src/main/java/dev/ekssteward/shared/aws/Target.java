package dev.ekssteward.shared.aws;

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

  @Override
  public String toString() {
    return (accountId == null ? "self" : accountId) + "/" + region;
  }
}
