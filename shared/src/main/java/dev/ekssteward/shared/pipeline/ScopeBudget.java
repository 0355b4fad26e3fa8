package dev.ekssteward.shared.pipeline;

import java.util.function.LongSupplier;

/**
 * Whether a scope's apply may still start: the invocation must have, beyond {@link
 * Pipeline#SAFETY_MILLIS}, as long left as the longest scope of this run took so far, and at least
 * {@link #FLOOR_MILLIS}. A scope that starts too late is cut off by Lambda's timeout halfway; one
 * that is not started is reported and picked up again ({@code Scope Deferred}).
 */
final class ScopeBudget {
  /** What a scope is granted before any scope of the run was timed: a few EKS calls and a wait. */
  static final long FLOOR_MILLIS = 10_000;

  private final LongSupplier remainingMillis;
  private long longest;

  /** {@code remainingMillis}: the Lambda context's time left (Context.getRemainingTimeInMillis). */
  ScopeBudget(LongSupplier remainingMillis) {
    this.remainingMillis = remainingMillis;
  }

  /** The time left now, beyond the safety margin. */
  long left() {
    return remainingMillis.getAsLong() - Pipeline.SAFETY_MILLIS;
  }

  synchronized long needed() {
    return Math.max(FLOOR_MILLIS, longest);
  }

  boolean mayStart() {
    return left() >= needed();
  }

  /** One scope's apply took {@code millis}. */
  synchronized void took(long millis) {
    longest = Math.max(longest, millis);
  }
}
