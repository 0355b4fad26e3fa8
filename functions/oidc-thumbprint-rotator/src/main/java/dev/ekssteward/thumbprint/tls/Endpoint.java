package dev.ekssteward.thumbprint.tls;

import dev.ekssteward.thumbprint.model.HostAllowList;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where a connection would go: scheme, host and port of a URL. */
record Endpoint(String scheme, String host, int port) {

  static Endpoint of(IssuerUrl url) {
    return new Endpoint(url.scheme(), url.host(), url.effectivePort());
  }

  /** Any absolute URL (a jwks_uri may carry a query); null when it has no scheme or host. */
  static Endpoint parse(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getScheme() == null || uri.getHost() == null || uri.getRawUserInfo() != null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      return new Endpoint(scheme, uri.getHost().toLowerCase(Locale.ROOT), port);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** Why this function must not connect here, or null when it may. */
  String refusal(HostAllowList allowed) {
    if (!scheme.equals("https")) {
      return "not HTTPS (" + scheme + ")";
    }
    if (!allowed.allows(host)) {
      return "host " + host + " is not on thumbprints.allowedHosts";
    }
    return null;
  }

  /** The host without IPv6 brackets, as sockets want it. */
  String socketHost() {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }

  @Override
  public String toString() {
    return host + ":" + port;
  }
}
