package dev.ekssteward.shared.trust;

/** The record key cannot be used (not configured, gone, disabled, denied): retrying won't help. */
public final class RecordKeyException extends RuntimeException {
  public RecordKeyException(String message) {
    super(message);
  }
}
