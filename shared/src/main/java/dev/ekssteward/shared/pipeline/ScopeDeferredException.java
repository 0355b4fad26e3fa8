package dev.ekssteward.shared.pipeline;

/**
 * A run that deferred scopes for lack of time: it ends as a retryable failure, so the fan-out
 * message returns to its queue, or Lambda retries the event; the scopes done already are no-ops
 * then.
 */
public final class ScopeDeferredException extends RuntimeException {
  public ScopeDeferredException(String message) {
    super(message);
  }
}
