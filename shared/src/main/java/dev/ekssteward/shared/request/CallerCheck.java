package dev.ekssteward.shared.request;

/** Proves who sent a request, from its proof; never trusts anything the event says. */
public interface CallerCheck {

  /** The verdict on one request's proof. */
  sealed interface Verdict {}

  /** STS named the caller. */
  record Proven(Caller caller) implements Verdict {}

  /**
   * The proof is missing, malformed, stale, unbound or STS refused it; the reason names the field.
   *
   * @param retryable STS could not be asked (a network failure, a throttle): worth a retry
   */
  record Refused(String reason, boolean retryable) implements Verdict {}

  Verdict check(RequestProof proof);
}
