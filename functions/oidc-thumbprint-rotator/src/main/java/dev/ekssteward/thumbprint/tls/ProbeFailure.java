package dev.ekssteward.thumbprint.tls;

/** Checking an endpoint failed; the message is safe to report (no payloads). */
public final class ProbeFailure extends Exception {
  private final boolean refused;

  public ProbeFailure(String message) {
    this(message, false);
  }

  private ProbeFailure(String message, boolean refused) {
    super(message, null, false, false);
    this.refused = refused;
  }

  /** We would not connect (the address is not public): nothing was sent. */
  static ProbeFailure refused(String message) {
    return new ProbeFailure(message, true);
  }

  boolean refused() {
    return refused;
  }
}
