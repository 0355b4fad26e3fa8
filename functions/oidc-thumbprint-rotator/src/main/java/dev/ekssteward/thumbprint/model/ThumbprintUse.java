package dev.ekssteward.thumbprint.model;

/**
 * Whether IAM relies on a provider's thumbprints. IAM first validates the jwks_uri endpoint's TLS
 * certificate against its own library of trusted root CAs and consults the thumbprints only when
 * that fails: for issuers behind private CAs (self-hosted, GitHub Enterprise Server).
 */
public enum ThumbprintUse {
  /** The chain leads to a public root (judged by the JDK's trust store): IAM does not look. */
  NOT_CONSULTED("not-consulted"),
  /** The chain leads to no public root: the thumbprints are what IAM trusts the issuer by. */
  LOAD_BEARING("load-bearing");

  private final String value;

  ThumbprintUse(String value) {
    this.value = value;
  }

  /** As reports, audit events and metric names show it. */
  @Override
  public String toString() {
    return value;
  }
}
