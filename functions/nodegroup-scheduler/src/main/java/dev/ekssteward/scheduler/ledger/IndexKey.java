package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.aws.Target;

/**
 * One (account, region) of the record index; {@code account} is {@code self} for the function's own
 * account when its id is not known.
 */
public record IndexKey(String account, String region) {
  static final String SELF = "self";

  public static IndexKey of(Target target) {
    return new IndexKey(target.accountId() == null ? SELF : target.accountId(), target.region());
  }

  /** The target to reach it by: the own credentials without a role, else the role. */
  public Target target(String role) {
    return new Target(account.equals(SELF) ? null : account, region, role);
  }

  /** Whether {@code t} is this (account, region), whatever role it is reached by. */
  public boolean is(Target t) {
    return IndexKey.of(t).equals(this);
  }

  @Override
  public String toString() {
    return account + "/" + region;
  }
}
