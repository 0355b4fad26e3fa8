package dev.ekssteward.shared.pipeline;

import java.time.Duration;

/**
 * A plan's request to look at the one resource its scope selects again later, in another
 * invocation: the resource is in a transition that takes minutes (a node group or cluster {@code
 * CREATING}), longer than an invocation should wait. The pipeline sends the scope's selection, one
 * look on, as a message the recheck queue delivers after {@code after}; once {@code limit} looks
 * are spent it reports {@code giveUp} instead, so a resource that never gets there is a finding,
 * not a silence.
 *
 * @param after how long until the next look (SQS delays a message by at most 15 minutes)
 * @param limit how many deferred looks at most, after the call's own
 * @param giveUp the finding when the last look still found the transition under way
 */
public record LookAgain(Duration after, int limit, Finding giveUp) {
  /** SQS's longest per-message delay. */
  public static final Duration MAX_DELAY = Duration.ofMinutes(15);

  public LookAgain {
    if (after.isNegative() || after.compareTo(MAX_DELAY) > 0) {
      throw new IllegalArgumentException("after: must be between 0 and 15 minutes, was " + after);
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit: must be at least 1, was " + limit);
    }
  }
}
