package dev.ekssteward.thumbprint.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An OIDC issuer URL, parsed once and normalised: lower-case scheme and host, no trailing slash.
 * IAM stores a provider's URL without the scheme ({@link #providerUrl()}).
 *
 * @param port the explicit port, or -1 for the scheme's default
 */
public record IssuerUrl(String scheme, String host, int port, String path) {

  /** Parses an issuer such as {@code https://oidc.eks.eu-west-1.amazonaws.com/id/ABC}. */
  public static IssuerUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("not a URL");
    }
    if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("not an absolute URL with a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new IllegalArgumentException("has a query or fragment");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return new IssuerUrl(
        uri.getScheme().toLowerCase(Locale.ROOT),
        uri.getHost().toLowerCase(Locale.ROOT),
        uri.getPort(),
        path);
  }

  /** IAM's form ({@code host[:port]/path}, no scheme) back to an issuer URL. */
  public static IssuerUrl fromProviderUrl(String providerUrl) {
    return parse(providerUrl.contains("://") ? providerUrl : "https://" + providerUrl);
  }

  /** How issuer URLs compare: without scheme, trailing slash or host case. */
  public static String key(String url) {
    try {
      return fromProviderUrl(url).providerUrl();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  public boolean isHttps() {
    return scheme.equals("https");
  }

  /** The port a connection goes to. */
  public int effectivePort() {
    return port >= 0 ? port : isHttps() ? 443 : 80;
  }

  /** Same host and port: one TLS endpoint, one thumbprint. */
  public boolean sameEndpoint(IssuerUrl other) {
    return host.equals(other.host) && effectivePort() == other.effectivePort();
  }

  public String providerUrl() {
    return host + (port >= 0 ? ":" + port : "") + path;
  }

  public URI discoveryDocument() {
    return URI.create(this + "/.well-known/openid-configuration");
  }

  // Written out: the generated ones bootstrap through ObjectMethods at first use, in every cold
  // start (issuers are compared on every run; see Target).
  @Override
  public boolean equals(Object o) {
    return o instanceof IssuerUrl u
        && port == u.port
        && scheme.equals(u.scheme)
        && host.equals(u.host)
        && path.equals(u.path);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, host, port, path);
  }

  @Override
  public String toString() {
    return scheme + "://" + providerUrl();
  }
}
