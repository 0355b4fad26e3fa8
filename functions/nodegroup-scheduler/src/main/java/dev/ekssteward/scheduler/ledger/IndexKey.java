package dev.ekssteward.scheduler.ledger;

import dev.ekssteward.shared.aws.Target;
import java.util.Objects;

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

  // Written out: the generated ones bootstrap through ObjectMethods at first use, in every cold
  // start (the index is keyed by it on each tick; see Target).
  @Override
  public boolean equals(Object o) {
    return o instanceof IndexKey k && account.equals(k.account) && region.equals(k.region);
  }

  @Override
  public int hashCode() {
    return Objects.hash(account, region);
  }

  @Override
  public String toString() {
    return account + "/" + region;
  }
}
