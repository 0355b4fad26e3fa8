package dev.ekssteward.thumbprint.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server chain when any of its trust managers does (the JVM's store, the extra store).
 * Extends {@link X509ExtendedTrustManager} so each delegate still verifies the host name.
 */
final class EitherTrustManager extends X509ExtendedTrustManager {
  private final List<X509ExtendedTrustManager> delegates;

  EitherTrustManager(List<X509ExtendedTrustManager> delegates) {
    this.delegates = List.copyOf(delegates);
  }

  private interface Check {
    void run(X509ExtendedTrustManager tm) throws CertificateException;
  }

  private void anyAccepts(Check check) throws CertificateException {
    CertificateException first = null;
    for (X509ExtendedTrustManager tm : delegates) {
      try {
        check.run(tm);
        return;
      } catch (CertificateException e) {
        first = first == null ? e : first;
      }
    }
    throw first != null ? first : new CertificateException("no trust store");
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    anyAccepts(tm -> tm.checkServerTrusted(chain, authType, socket));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    anyAccepts(tm -> tm.checkServerTrusted(chain, authType, engine));
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    anyAccepts(tm -> tm.checkServerTrusted(chain, authType));
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    throw new CertificateException("this client does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    throw new CertificateException("this client does not accept client certificates");
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    throw new CertificateException("this client does not accept client certificates");
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    List<X509Certificate> all = new ArrayList<>();
    delegates.forEach(tm -> all.addAll(List.of(tm.getAcceptedIssuers())));
    return all.toArray(X509Certificate[]::new);
  }
}
