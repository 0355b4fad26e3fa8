package dev.ekssteward.thumbprint.tls;

import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Stands in for IAM's library of trusted root CAs, which AWS does not publish: the root CAs the
 * running JDK ships ({@code <java.home>/lib/security/cacerts}). Deliberately not the JVM's default
 * store, which {@code javax.net.ssl.trustStore} may point at a store with private CAs. An
 * approximation: the two libraries differ at the edges, and a server that leaves out an
 * intermediate fails here (the JDK fetches none) where IAM may cope.
 */
public final class PublicRoots {
  /** authType for a chain judged outside a handshake; what TLS 1.3 handshakes pass too. */
  private static final String ANY_KEY_EXCHANGE = "UNKNOWN";

  private final X509TrustManager roots;

  private PublicRoots(X509TrustManager roots) {
    this.roots = roots;
  }

  /** The JDK's roots, read once per process: they are the same for every invocation. */
  public static PublicRoots jdk() {
    return Jdk.ROOTS;
  }

  /** These roots (tests stand a CA of their own in for a public one). */
  public static PublicRoots of(KeyStore store) throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509TrustManager x) {
        return new PublicRoots(x);
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }

  /** Whether IAM needs the thumbprint of an endpoint that presented {@code chain}. */
  public ThumbprintUse judge(List<Certificate> chain) {
    if (chain.isEmpty() || !chain.stream().allMatch(c -> c instanceof X509Certificate)) {
      return ThumbprintUse.LOAD_BEARING;
    }
    X509Certificate[] x509 = chain.toArray(X509Certificate[]::new);
    try {
      roots.checkServerTrusted(x509, ANY_KEY_EXCHANGE);
      return ThumbprintUse.NOT_CONSULTED;
    } catch (CertificateException e) {
      return ThumbprintUse.LOAD_BEARING;
    }
  }

  /** The roots in the JDK's own cacerts; the JSSE default store only if that cannot be read. */
  static PublicRoots fromFile(Path cacerts) {
    try (InputStream in = Files.newInputStream(cacerts)) {
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(in, null); // read-only: no password needed
      return of(store);
    } catch (IOException | GeneralSecurityException e) {
      try {
        return of(null);
      } catch (GeneralSecurityException again) {
        throw new IllegalStateException("no trust manager in this JDK", again);
      }
    }
  }

  static Path jdkCacerts() {
    return Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
  }

  private static final class Jdk {
    static final PublicRoots ROOTS = fromFile(jdkCacerts());
  }
}
