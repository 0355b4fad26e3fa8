package dev.ekssteward.thumbprint.tls;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI per test: root CA → intermediate CA → leaf for {@code localhost} and {@code
 * 127.0.0.1}. The server presents leaf and intermediate (as most real servers do), so the last
 * presented certificate is the intermediate, not the root the client trusts.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());
  public static final char[] PASSWORD = "changeit".toCharArray();

  /** One chain and the key of its leaf. */
  public record Chain(
      X509Certificate root,
      X509Certificate intermediate,
      X509Certificate leaf,
      KeyPair leafKey,
      boolean withRoot) {

    /** What the server presents, in order. */
    public List<X509Certificate> presented() {
      return withRoot ? List.of(leaf, intermediate, root) : List.of(leaf, intermediate);
    }

    public X509Certificate lastPresented() {
      return presented().get(presented().size() - 1);
    }

    /** SHA-1 of the last presented certificate, computed here, in Java. */
    public String thumbprint() throws Exception {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-1").digest(lastPresented().getEncoded()));
    }

    /** A server-side TLS context presenting this chain. */
    public SSLContext serverContext() throws Exception {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "leaf", leafKey.getPrivate(), PASSWORD, presented().toArray(X509Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, PASSWORD);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    }

    /** A PKCS12 trust store holding this chain's root, written to {@code file}. */
    public Path trustStore(Path file) throws Exception {
      return TestPki.trustStore(file, List.of(root));
    }

    public Path lastPresentedPem(Path file) throws Exception {
      String pem =
          "-----BEGIN CERTIFICATE-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes())
                  .encodeToString(lastPresented().getEncoded())
              + "\n-----END CERTIFICATE-----\n";
      return Files.writeString(file, pem);
    }
  }

  private TestPki() {}

  public static Chain chain(String name) throws Exception {
    return chain(name, false);
  }

  public static Chain chain(String name, boolean withRoot) throws Exception {
    KeyPair rootKey = keys();
    KeyPair intermediateKey = keys();
    KeyPair leafKey = keys();
    X500Name rootName = new X500Name("CN=" + name + " Root CA,O=eks-steward tests");
    X500Name intermediateName = new X500Name("CN=" + name + " Intermediate CA,O=eks-steward tests");
    X509Certificate root = ca(rootName, rootKey, rootName, rootKey, null);
    X509Certificate intermediate = ca(intermediateName, intermediateKey, rootName, rootKey, root);
    X509Certificate leaf = leaf(intermediateName, intermediateKey, intermediate, leafKey);
    return new Chain(root, intermediate, leaf, leafKey, withRoot);
  }

  public static Path trustStore(Path file, List<X509Certificate> roots) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(null, null);
    for (int i = 0; i < roots.size(); i++) {
      ks.setCertificateEntry("root-" + i, roots.get(i));
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      ks.store(out, PASSWORD);
    }
    return file;
  }

  private static KeyPair keys() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate ca(
      X500Name subject, KeyPair key, X500Name issuer, KeyPair issuerKey, X509Certificate issuerCert)
      throws Exception {
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder b = builder(issuer, subject, key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    b.addExtension(
        Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key.getPublic()));
    if (issuerCert != null) {
      b.addExtension(
          Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
    }
    return sign(b, issuerKey);
  }

  private static X509Certificate leaf(
      X500Name issuer, KeyPair issuerKey, X509Certificate issuerCert, KeyPair key)
      throws Exception {
    JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder b = builder(issuer, new X500Name("CN=localhost"), key);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(
                  GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress())
            }));
    b.addExtension(
        Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuerCert));
    return sign(b, issuerKey);
  }

  private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair key) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(
        issuer,
        BigInteger.valueOf(SERIAL.incrementAndGet()),
        Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))),
        subject,
        key.getPublic());
  }

  private static X509Certificate sign(X509v3CertificateBuilder b, KeyPair issuerKey)
      throws Exception {
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }
}
