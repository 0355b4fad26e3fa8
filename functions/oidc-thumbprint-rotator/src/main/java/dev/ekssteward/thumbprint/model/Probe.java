package dev.ekssteward.thumbprint.model;

import java.util.List;

/** What checking one issuer's TLS endpoints found. */
public sealed interface Probe {

  /**
   * Trusted chains were presented: the jwks_uri endpoint's chain end first, then the issuer's when
   * it is another endpoint; {@code use} says whether IAM relies on the thumbprint, judged by the
   * jwks_uri endpoint's chain (the one IAM checks).
   */
  record Verified(List<ChainEnd> ends, ThumbprintUse use) implements Probe {
    public Verified {
      ends = List.copyOf(ends);
    }

    public List<String> thumbprints() {
      return ends.stream().map(ChainEnd::thumbprint).distinct().toList();
    }
  }

  /** The endpoint could not be checked (network, TLS trust, HTTP status, bad document). */
  record Failed(String reason) implements Probe {}

  /**
   * Refused before connecting: not HTTPS or not on the allow-list. {@code jwksUri} is set when the
   * issuer's discovery document pointed elsewhere (a server-side request forgery attempt).
   */
  record Refused(String reason, String jwksUri) implements Probe {
    public boolean suspicious() {
      return jwksUri != null;
    }
  }
}
