package dev.ekssteward.thumbprint.tls;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.ThumbprintConfig;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.json.JsonException;
import dev.ekssteward.thumbprint.ThumbprintRotator;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Proxy;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Fetches {@code <issuer>/.well-known/openid-configuration}: HTTPS, no proxy, no redirects, connect
 * and read timeouts, a size cap. Keeps the certificates the issuer presented on the way.
 */
final class DiscoveryClient {
  static final String USER_AGENT = Contract.USER_AGENT + "/" + ThumbprintRotator.NAME;

  /** The document's jwks_uri and the issuer's certificates, as presented. */
  record Discovery(String jwksUri, List<Certificate> presented) {}

  private DiscoveryClient() {}

  static Discovery fetch(
      IssuerUrl issuer, SSLContext tls, Outbound outbound, ThumbprintConfig config)
      throws ProbeFailure {
    HttpsURLConnection c;
    try {
      c = (HttpsURLConnection) issuer.discoveryDocument().toURL().openConnection(Proxy.NO_PROXY);
    } catch (IOException | ClassCastException e) {
      throw new ProbeFailure("cannot open " + issuer.discoveryDocument());
    }
    c.setSSLSocketFactory(outbound.over(tls.getSocketFactory()));
    c.setInstanceFollowRedirects(false);
    c.setUseCaches(false);
    c.setConnectTimeout(config.connectTimeoutMillis());
    c.setReadTimeout(config.readTimeoutMillis());
    c.setRequestProperty("Accept", "application/json");
    c.setRequestProperty("User-Agent", USER_AGENT);
    try {
      int status = c.getResponseCode();
      if (status >= 300 && status < 400) {
        throw new ProbeFailure("discovery redirected (HTTP " + status + "); redirects are refused");
      }
      if (status != 200) {
        throw new ProbeFailure("discovery answered HTTP " + status);
      }
      List<Certificate> presented = List.of(c.getServerCertificates());
      String body = read(c, config);
      return new Discovery(jwksUri(body), presented);
    } catch (Outbound.AddressRefused e) {
      throw ProbeFailure.refused("issuer " + e.getMessage());
    } catch (SocketTimeoutException e) {
      throw new ProbeFailure("timed out fetching " + issuer.discoveryDocument());
    } catch (SSLException e) {
      throw new ProbeFailure("TLS with " + issuer.host() + " failed: " + e.getMessage());
    } catch (IOException e) {
      throw new ProbeFailure(
          "cannot fetch " + issuer.discoveryDocument() + ": " + e.getClass().getSimpleName());
    } finally {
      c.disconnect();
    }
  }

  private static String read(HttpsURLConnection c, ThumbprintConfig config)
      throws IOException, ProbeFailure {
    int max = config.maxDocumentBytes();
    if (c.getContentLengthLong() > max) {
      throw new ProbeFailure("discovery document is larger than " + max + " bytes");
    }
    long deadline = System.nanoTime() + config.readTimeoutMillis() * 1_000_000L;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = c.getInputStream()) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        if (out.size() > max) {
          throw new ProbeFailure("discovery document is larger than " + max + " bytes");
        }
        if (System.nanoTime() > deadline) {
          throw new ProbeFailure("discovery document took longer than the read timeout");
        }
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String jwksUri(String body) throws ProbeFailure {
    try {
      Object jwks = Json.parseObject(body).get("jwks_uri");
      if (jwks instanceof String s && !s.isBlank()) {
        return s;
      }
      throw new ProbeFailure("discovery document has no jwks_uri");
    } catch (JsonException e) {
      throw new ProbeFailure("discovery document is not JSON: " + e.getMessage());
    }
  }
}
