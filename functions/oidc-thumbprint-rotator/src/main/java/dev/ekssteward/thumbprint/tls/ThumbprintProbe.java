package dev.ekssteward.thumbprint.tls;

import dev.ekssteward.shared.config.ThumbprintConfig;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.HostAllowList;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.Probe;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import javax.net.ssl.SSLContext;

/**
 * Computes an issuer's thumbprints the way IAM wants them: fetch the discovery document, take the
 * last certificate the jwks_uri endpoint presents (and the issuer's, when that is another
 * endpoint), hash its DER with SHA-1. Every host is checked against the allow-list before any
 * connection is made to it.
 */
public final class ThumbprintProbe {
  private final Optional<IssuerRoute> route;
  private final Optional<PublicRoots> publicRoots;
  private final Outbound outbound;

  /**
   * Production binds no roots: the JDK's stand in for IAM's, read at the first probe (or when
   * SnapStart primes), not at every cold start. Tests bind roots of their own.
   */
  @Inject
  public ThumbprintProbe(
      Optional<IssuerRoute> route, Optional<PublicRoots> publicRoots, Settings settings) {
    // Loopback only where issuers are local servers: a bound route (tests), or a run against a
    // local AWS (an endpoint override, which no deployed function has).
    this(
        route,
        publicRoots,
        route.isPresent() || settings.endpoint() != null
            ? Outbound.LOCAL_SERVERS
            : Outbound.PUBLIC);
  }

  public ThumbprintProbe(Optional<IssuerRoute> route, Optional<PublicRoots> publicRoots) {
    this(route, publicRoots, route.isPresent() ? Outbound.LOCAL_SERVERS : Outbound.PUBLIC);
  }

  ThumbprintProbe(
      Optional<IssuerRoute> route, Optional<PublicRoots> publicRoots, Outbound outbound) {
    this.route = route;
    this.publicRoots = publicRoots;
    this.outbound = outbound;
  }

  /** For tests against local servers: loopback is allowed. */
  public ThumbprintProbe(Optional<IssuerRoute> route) {
    this(route, Optional.empty(), Outbound.LOCAL_SERVERS);
  }

  public Probe probe(IssuerUrl issuer, IssuerTrust trust, ThumbprintConfig config) {
    HostAllowList allowed = HostAllowList.of(config);
    IssuerUrl source = route.map(r -> r.route(issuer)).orElse(issuer);
    String refusal = Endpoint.of(issuer).refusal(allowed);
    if (refusal == null) {
      refusal = Endpoint.of(source).refusal(allowed);
    }
    if (refusal != null) {
      return new Probe.Refused("issuer " + refusal, null);
    }
    try {
      SSLContext tls = trust.newContext();
      DiscoveryClient.Discovery discovery = DiscoveryClient.fetch(source, tls, outbound, config);
      Endpoint jwks = Endpoint.parse(discovery.jwksUri());
      if (jwks == null) {
        return new Probe.Failed("jwks_uri is not an absolute URL");
      }
      String jwksRefusal = jwks.refusal(allowed);
      if (jwksRefusal != null) {
        return new Probe.Refused("jwks_uri " + jwksRefusal, discovery.jwksUri());
      }
      Endpoint issuerEndpoint = Endpoint.of(source);
      ChainEnd issuerEnd = end(issuerEndpoint, discovery.presented());
      if (jwks.host().equals(issuerEndpoint.host()) && jwks.port() == issuerEndpoint.port()) {
        return new Probe.Verified(List.of(issuerEnd), roots().judge(discovery.presented()));
      }
      List<Certificate> jwksChain = ChainReader.presented(jwks, tls, outbound, config);
      ChainEnd jwksEnd = end(jwks, jwksChain);
      return new Probe.Verified(List.of(jwksEnd, issuerEnd), roots().judge(jwksChain));
    } catch (ProbeFailure e) {
      return e.refused()
          ? new Probe.Refused(e.getMessage(), null)
          : new Probe.Failed(e.getMessage());
    }
  }

  private PublicRoots roots() {
    return publicRoots.orElseGet(PublicRoots::jdk);
  }

  /** The last certificate presented, hashed. */
  static ChainEnd end(Endpoint endpoint, List<Certificate> presented) throws ProbeFailure {
    if (presented.isEmpty() || !(presented.get(presented.size() - 1) instanceof X509Certificate)) {
      throw new ProbeFailure(endpoint + " presented no X.509 certificate");
    }
    X509Certificate last = (X509Certificate) presented.get(presented.size() - 1);
    try {
      byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(last.getEncoded());
      return new ChainEnd(
          endpoint.host(),
          endpoint.port(),
          HexFormat.of().formatHex(sha1),
          last.getSubjectX500Principal().getName());
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new ProbeFailure("cannot hash the certificate of " + endpoint);
    }
  }
}
