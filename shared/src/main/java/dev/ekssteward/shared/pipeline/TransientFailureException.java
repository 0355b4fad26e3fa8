package dev.ekssteward.shared.pipeline;

/**
 * Thrown after a run whose failures are worth retrying (throttling, 5xx, network), so Lambda's
 * retries and on-failure destination apply. Everything else was still done and reported.
 */
public final class TransientFailureException extends RuntimeException {
  public TransientFailureException(String message, Throwable cause) {
    super(message, cause);
  }
}
