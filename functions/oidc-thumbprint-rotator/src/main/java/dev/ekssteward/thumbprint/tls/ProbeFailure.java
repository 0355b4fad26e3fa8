package dev.ekssteward.thumbprint.tls;

/** Checking an endpoint failed; the message is safe to report (no payloads). */
public final class ProbeFailure extends Exception {
  public ProbeFailure(String message) {
    super(message, null, false, false);
  }
}
