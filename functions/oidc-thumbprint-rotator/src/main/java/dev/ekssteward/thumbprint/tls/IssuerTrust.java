package dev.ekssteward.thumbprint.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The certificates an issuer's chain must lead to: the JVM's trust store (so {@code
 * javax.net.ssl.trustStore} keeps working) plus an optional extra store, named by the system
 * property {@code eks-steward.extraTrustStore} or the environment variable {@code
 * EXTRA_TRUST_STORE} (PKCS12 or JKS; password in {@code ...Password} / {@code
 * EXTRA_TRUST_STORE_PASSWORD}).
 */
public final class IssuerTrust {
  public static final String STORE_PROPERTY = "eks-steward.extraTrustStore";
  public static final String PASSWORD_PROPERTY = "eks-steward.extraTrustStorePassword";
  public static final String STORE_ENV = "EXTRA_TRUST_STORE";
  public static final String PASSWORD_ENV = "EXTRA_TRUST_STORE_PASSWORD";

  private final TrustManager trust;

  private IssuerTrust(TrustManager trust) {
    this.trust = trust;
  }

  /** Reads the stores now (once per invocation, so a changed property takes effect). */
  public static IssuerTrust load(Map<String, String> env) throws ProbeFailure {
    String store = System.getProperty(STORE_PROPERTY, env.get(STORE_ENV));
    String password = System.getProperty(PASSWORD_PROPERTY, env.getOrDefault(PASSWORD_ENV, ""));
    List<X509ExtendedTrustManager> managers = new ArrayList<>();
    try {
      managers.add(managerOf(null));
      if (store != null && !store.isBlank()) {
        managers.add(managerOf(read(Path.of(store), password.toCharArray())));
      }
    } catch (IOException | GeneralSecurityException e) {
      throw new ProbeFailure("extra trust store " + store + " is unreadable: " + e.getMessage());
    }
    return new IssuerTrust(new EitherTrustManager(managers));
  }

  /** A fresh context per check: no TLS session is resumed, so every check sees today's chain. */
  public SSLContext newContext() throws ProbeFailure {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new ProbeFailure("TLS is unavailable: " + e.getMessage());
    }
  }

  private static KeyStore read(Path path, char[] password)
      throws IOException, GeneralSecurityException {
    // PKCS12 is the default type; since JDK 9 it also reads JKS files.
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    try (InputStream in = Files.newInputStream(path)) {
      ks.load(in, password);
    }
    return ks;
  }

  private static X509ExtendedTrustManager managerOf(KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(store);
    for (TrustManager tm : tmf.getTrustManagers()) {
      if (tm instanceof X509ExtendedTrustManager x) {
        return x;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }
}
