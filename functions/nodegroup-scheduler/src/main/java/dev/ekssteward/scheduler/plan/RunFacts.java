package dev.ekssteward.scheduler.plan;

import java.time.Instant;

/**
 * What the run's ledger knows about a cluster that the cluster itself does not show.
 *
 * @param pausedUntil scale-downs are paused until then (a Release Request), or null
 * @param indexed the cluster is in the record index already, so a scale-down may leave a record
 *     there (a tick can then find it after the cluster leaves scope)
 * @param outOfScope why the cluster is visited although the config no longer selects it (it still
 *     holds size records), or null when it is in scope
 */
public record RunFacts(Instant pausedUntil, boolean indexed, String outOfScope) {
  /** Nothing known beyond the cluster (no ledger): no pause, nothing held back. */
  public static final RunFacts NONE = new RunFacts(null, true, null);
}
