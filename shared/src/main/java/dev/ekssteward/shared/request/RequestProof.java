package dev.ekssteward.shared.request;

/**
 * A request's proof of its caller, as it arrived: the query of a presigned STS {@code
 * GetCallerIdentity} request ({@code proof} in the detail), and the binding the request's own
 * fields give ({@link RequestBinding}), which the caller must have signed as the header {@link
 * #HEADER}. {@code query} is null when the request carries no proof.
 */
public record RequestProof(String query, String binding, String requestId) {
  /** The signed header that binds the proof to one request. */
  public static final String HEADER = "x-eks-steward-request";

  /** The detail field that holds the proof. */
  public static final String FIELD = "proof";

  /** The detail field that names the request (chosen by the sender, e.g. a UUID). */
  public static final String ID_FIELD = "requestId";

  /** How old a proof may be: STS's own bound on a presigned request's date is 15 minutes. */
  public static final int MAX_AGE_MINUTES = 15;
}
