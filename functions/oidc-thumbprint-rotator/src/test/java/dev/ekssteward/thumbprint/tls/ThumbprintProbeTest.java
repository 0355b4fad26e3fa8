package dev.ekssteward.thumbprint.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ThumbprintConfig;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The probe against real local TLS servers: what it hashes, and where it refuses to connect. */
class ThumbprintProbeTest {
  @TempDir Path dir;
  private final List<LocalIssuer> servers = new ArrayList<>();
  private final ThumbprintProbe probe = new ThumbprintProbe(Optional.empty());

  @AfterEach
  void stop() throws Exception {
    for (LocalIssuer s : servers) {
      s.close();
    }
  }

  private LocalIssuer serve(TestPki.Chain chain) throws Exception {
    LocalIssuer s = LocalIssuer.start(chain);
    servers.add(s);
    return s;
  }

  private static ThumbprintConfig allowing(String... hosts) {
    return new ThumbprintConfig(List.of(), List.of(hosts), false, 2000, 2000, 64 * 1024, 16);
  }

  private IssuerTrust trusting(TestPki.Chain... chains) throws Exception {
    List<java.security.cert.X509Certificate> roots = new ArrayList<>();
    for (TestPki.Chain c : chains) {
      roots.add(c.root());
    }
    Path store = TestPki.trustStore(dir.resolve("trust.p12"), roots);
    return IssuerTrust.load(
        Map.of(
            IssuerTrust.STORE_ENV,
            store.toString(),
            IssuerTrust.PASSWORD_ENV,
            new String(TestPki.PASSWORD)));
  }

  @Test
  void sameHostThumbprintIsTheLastPresentedCertificateAsOpensslSeesIt() throws Exception {
    TestPki.Chain chain = TestPki.chain("same-host");
    LocalIssuer issuer = serve(chain);

    Probe result =
        probe.probe(
            IssuerUrl.parse(issuer.origin() + "/id/ABC"), trusting(chain), allowing("localhost"));

    assertThat(issuer.connections()).isEqualTo(1);
    List<String> presented = Openssl.presented(issuer.port());
    assertThat(presented).hasSize(2);
    String expected = Openssl.sha1Fingerprint(presented.get(presented.size() - 1), dir);
    assertThat(result)
        .isEqualTo(
            new Probe.Verified(
                List.of(
                    new ChainEnd(
                        "localhost",
                        issuer.port(),
                        expected,
                        chain.intermediate().getSubjectX500Principal().getName())),
                ThumbprintUse.LOAD_BEARING));
    assertThat(expected)
        .isEqualTo(chain.thumbprint())
        .isNotEqualTo(sha1(chain.root()))
        .isNotEqualTo(sha1(chain.leaf()));
  }

  @Test
  void aServedRootIsTheLastCertificate() throws Exception {
    TestPki.Chain chain = TestPki.chain("with-root", true);
    LocalIssuer issuer = serve(chain);

    Probe result =
        probe.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), allowing("localhost"));

    assertThat(((Probe.Verified) result).thumbprints()).containsExactly(sha1(chain.root()));
  }

  @Test
  void jwksOnAnotherHostAndPortAddsItsThumbprintFirst() throws Exception {
    TestPki.Chain issuerChain = TestPki.chain("issuer");
    TestPki.Chain jwksChain = TestPki.chain("jwks");
    LocalIssuer issuer = serve(issuerChain);
    LocalIssuer jwks = serve(jwksChain);
    issuer.jwksUri("https://127.0.0.1:" + jwks.port() + "/openid/v1/jwks");

    Probe result =
        probe.probe(
            IssuerUrl.parse(issuer.origin() + "/id/X"),
            trusting(issuerChain, jwksChain),
            allowing("localhost", "127.0.0.1"));

    String jwksExpected = Openssl.sha1Fingerprint(Openssl.presented(jwks.port()).get(1), dir);
    String issuerExpected =
        Openssl.sha1Fingerprint(
            Files.readString(issuerChain.lastPresentedPem(dir.resolve("i.pem"))), dir);
    assertThat(((Probe.Verified) result).thumbprints())
        .containsExactly(jwksExpected, issuerExpected);
    assertThat(((Probe.Verified) result).ends().get(0).host()).isEqualTo("127.0.0.1");
    assertThat(issuer.connections()).isEqualTo(1);
    assertThat(jwks.connections()).isEqualTo(2); // the probe's handshake, then openssl's
  }

  @Test
  void untrustedChainIsNeverUsed() throws Exception {
    LocalIssuer issuer = serve(TestPki.chain("served"));

    Probe result =
        probe.probe(
            IssuerUrl.parse(issuer.origin()),
            trusting(TestPki.chain("other")),
            allowing("localhost"));

    assertThat(result).isInstanceOf(Probe.Failed.class);
    assertThat(((Probe.Failed) result).reason()).startsWith("TLS with localhost failed: ");
  }

  @Test
  void theJvmTrustStorePropertyStillWorks() throws Exception {
    TestPki.Chain chain = TestPki.chain("jvm-store");
    LocalIssuer issuer = serve(chain);
    Path store = chain.trustStore(dir.resolve("jvm.p12"));
    System.setProperty("javax.net.ssl.trustStore", store.toString());
    System.setProperty("javax.net.ssl.trustStorePassword", new String(TestPki.PASSWORD));
    System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    try {
      Probe result =
          probe.probe(
              IssuerUrl.parse(issuer.origin()), IssuerTrust.load(Map.of()), allowing("localhost"));

      assertThat(((Probe.Verified) result).thumbprints()).containsExactly(chain.thumbprint());
      // Trusted through javax.net.ssl.trustStore, yet no public CA: IAM needs the thumbprint.
      assertThat(((Probe.Verified) result).use()).isEqualTo(ThumbprintUse.LOAD_BEARING);
    } finally {
      System.clearProperty("javax.net.ssl.trustStore");
      System.clearProperty("javax.net.ssl.trustStorePassword");
      System.clearProperty("javax.net.ssl.trustStoreType");
    }
  }

  @Test
  void issuerHostOffTheAllowListIsRefusedWithoutConnecting() throws Exception {
    TestPki.Chain chain = TestPki.chain("refused");
    LocalIssuer issuer = serve(chain);

    Probe result =
        probe.probe(
            IssuerUrl.parse(issuer.origin()),
            trusting(chain),
            allowing("oidc.eks.*.amazonaws.com"));

    assertThat(result)
        .isEqualTo(
            new Probe.Refused("issuer host localhost is not on thumbprints.allowedHosts", null));
    assertThat(issuer.connections()).isZero();
  }

  /**
   * An allowed name is no promise about its address (DNS is the issuer owner's): production checks
   * the address it connects to, before the connection is made.
   */
  @Test
  void anAllowedHostOnALoopbackAddressIsRefusedWithoutConnecting() throws Exception {
    TestPki.Chain chain = TestPki.chain("loopback");
    LocalIssuer issuer = serve(chain);
    ThumbprintProbe production =
        new ThumbprintProbe(Optional.empty(), Optional.empty(), Outbound.PUBLIC);

    Probe result =
        production.probe(
            IssuerUrl.parse("https://127.0.0.1:" + issuer.port()),
            trusting(chain),
            allowing("127.0.0.1"));

    assertThat(result)
        .isEqualTo(
            new Probe.Refused(
                "issuer 127.0.0.1: address 127.0.0.1 is loopback; the rotator connects only to"
                    + " public addresses",
                null));
    assertThat(issuer.connections()).isZero();
  }

  @Test
  void theProductionGraphAllowsLoopbackOnlyWithARoute() throws Exception {
    TestPki.Chain chain = TestPki.chain("graph");
    LocalIssuer issuer = serve(chain);
    IssuerUrl url = IssuerUrl.parse("https://127.0.0.1:" + issuer.port());

    Probe unrouted =
        new ThumbprintProbe(Optional.empty(), Optional.empty())
            .probe(url, trusting(chain), allowing("127.0.0.1", "localhost"));
    int unroutedConnections = issuer.connections();
    Probe routed =
        new ThumbprintProbe(Optional.of(i -> i), Optional.empty())
            .probe(url, trusting(chain), allowing("127.0.0.1", "localhost"));

    assertThat(unrouted).isInstanceOf(Probe.Refused.class);
    assertThat(unroutedConnections).isZero();
    assertThat(routed).isInstanceOf(Probe.Verified.class);
  }

  @Test
  void plainHttpIsRefusedWithoutConnecting() throws Exception {
    TestPki.Chain chain = TestPki.chain("http");
    LocalIssuer issuer = serve(chain);

    Probe result =
        probe.probe(
            IssuerUrl.parse("http://localhost:" + issuer.port()),
            trusting(chain),
            allowing("localhost"));

    assertThat(result).isEqualTo(new Probe.Refused("issuer not HTTPS (http)", null));
    assertThat(issuer.connections()).isZero();
  }

  @Test
  void jwksUriOnADisallowedHostIsASuspectedForgeryAndNotContacted() throws Exception {
    TestPki.Chain chain = TestPki.chain("ssrf");
    LocalIssuer issuer = serve(chain);
    LocalIssuer internal = serve(chain);
    String target = "https://127.0.0.1:" + internal.port() + "/latest/meta-data";
    issuer.jwksUri(target);

    Probe result =
        probe.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), allowing("localhost"));

    assertThat(result)
        .isEqualTo(
            new Probe.Refused(
                "jwks_uri host 127.0.0.1 is not on thumbprints.allowedHosts", target));
    assertThat(((Probe.Refused) result).suspicious()).isTrue();
    assertThat(internal.connections()).isZero();
    assertThat(issuer.connections()).isEqualTo(1);
  }

  @Test
  void jwksUriOverHttpIsRefused() throws Exception {
    TestPki.Chain chain = TestPki.chain("jwks-http");
    LocalIssuer issuer = serve(chain);
    issuer.jwksUri("http://localhost:" + issuer.port() + "/keys");

    Probe result =
        probe.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), allowing("localhost"));

    assertThat(result).isInstanceOf(Probe.Refused.class);
    assertThat(((Probe.Refused) result).reason()).isEqualTo("jwks_uri not HTTPS (http)");
    assertThat(issuer.connections()).isEqualTo(1);
  }

  @Test
  void redirectToAnotherHostIsNotFollowed() throws Exception {
    TestPki.Chain chain = TestPki.chain("redirect");
    LocalIssuer issuer = serve(chain);
    LocalIssuer elsewhere = serve(chain);
    issuer.redirectTo(
        "https://127.0.0.1:" + elsewhere.port() + "/.well-known/openid-configuration");

    Probe result =
        probe.probe(
            IssuerUrl.parse(issuer.origin()), trusting(chain), allowing("localhost", "127.0.0.1"));

    assertThat(result)
        .isEqualTo(new Probe.Failed("discovery redirected (HTTP 302); redirects are refused"));
    assertThat(elsewhere.connections()).isZero();
  }

  @Test
  void documentsLargerThanTheCapAreRejectedWithOrWithoutContentLength() throws Exception {
    TestPki.Chain chain = TestPki.chain("big");
    LocalIssuer issuer = serve(chain);
    String big =
        "{\"jwks_uri\":\"" + issuer.origin() + "/keys\",\"pad\":\"" + "x".repeat(2000) + "\"}";
    ThumbprintConfig config =
        new ThumbprintConfig(List.of(), List.of("localhost"), false, 2000, 2000, 1024, 16);

    issuer.body(big, false);
    Probe declared = probe.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), config);
    issuer.body(big, true);
    Probe streamed = probe.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), config);

    assertThat(declared)
        .isEqualTo(new Probe.Failed("discovery document is larger than 1024 bytes"));
    assertThat(streamed).isEqualTo(declared);
  }

  @Test
  void aDocumentWithoutJwksUriFails() throws Exception {
    TestPki.Chain chain = TestPki.chain("nojwks");
    LocalIssuer issuer = serve(chain);
    issuer.body("{\"issuer\":\"x\"}", false);

    Probe result =
        probe.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), allowing("localhost"));

    assertThat(result).isEqualTo(new Probe.Failed("discovery document has no jwks_uri"));
  }

  @Test
  void aSilentServerTimesOut() throws Exception {
    TestPki.Chain chain = TestPki.chain("silent");
    LocalIssuer issuer = serve(chain).hang();
    ThumbprintConfig config =
        new ThumbprintConfig(List.of(), List.of("localhost"), false, 1000, 300, 65536, 16);

    long start = System.nanoTime();
    Probe result = probe.probe(IssuerUrl.parse(issuer.origin() + "/id/T"), trusting(chain), config);

    assertThat(result)
        .isEqualTo(
            new Probe.Failed(
                "timed out fetching "
                    + issuer.origin()
                    + "/id/T/.well-known/openid-configuration"));
    assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3000);
  }

  @Test
  void aRouteIsCheckedAgainstTheAllowListToo() throws Exception {
    TestPki.Chain chain = TestPki.chain("route");
    LocalIssuer local = serve(chain);
    ThumbprintProbe routed =
        new ThumbprintProbe(Optional.of(i -> IssuerUrl.parse(local.origin() + i.path())));

    Probe result =
        routed.probe(
            IssuerUrl.parse("https://oidc.eks.eu-west-1.amazonaws.com/id/R"),
            trusting(chain),
            allowing("oidc.eks.*.amazonaws.com"));

    assertThat(result).isInstanceOf(Probe.Refused.class);
    assertThat(local.connections()).isZero();
  }

  private static String sha1(java.security.cert.X509Certificate cert) throws Exception {
    return HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-1").digest(cert.getEncoded()));
  }
}
