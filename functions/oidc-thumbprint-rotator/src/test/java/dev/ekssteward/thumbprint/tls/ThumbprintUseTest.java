package dev.ekssteward.thumbprint.tls;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ThumbprintConfig;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether IAM relies on the thumbprint, judged on the chain the jwks_uri endpoint presents: a
 * private CA is load-bearing; a CA among the "public" roots is not consulted. The tests stand a CA
 * of their own in for a public one; production judges by the JDK's own roots.
 */
class ThumbprintUseTest {
  @TempDir Path dir;
  private final List<LocalIssuer> servers = new ArrayList<>();

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

  /** The extra trust store: every chain is trusted, so only the verdict differs. */
  private IssuerTrust trusting(TestPki.Chain... chains) throws Exception {
    List<X509Certificate> roots = new ArrayList<>();
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

  /** Public roots standing in for IAM's library: these chains' roots. */
  static PublicRoots publicRoots(TestPki.Chain... chains) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < chains.length; i++) {
      store.setCertificateEntry("public-" + i, chains[i].root());
    }
    return PublicRoots.of(store);
  }

  static ThumbprintConfig allowing(String... hosts) {
    return new ThumbprintConfig(List.of(), List.of(hosts), false, 2000, 2000, 64 * 1024, 16);
  }

  static ThumbprintUse use(Probe probe) {
    assertThat(probe).isInstanceOf(Probe.Verified.class);
    return ((Probe.Verified) probe).use();
  }

  @Test
  void aPrivateCaIsLoadBearingByTheJdksOwnRoots() throws Exception {
    TestPki.Chain chain = TestPki.chain("private");
    LocalIssuer issuer = serve(chain);
    ThumbprintProbe production =
        new ThumbprintProbe(Optional.empty(), Optional.empty(), Outbound.LOCAL_SERVERS);

    Probe result =
        production.probe(IssuerUrl.parse(issuer.origin()), trusting(chain), allowing("localhost"));

    assertThat(use(result)).isEqualTo(ThumbprintUse.LOAD_BEARING);
  }

  @Test
  void aChainToAPublicRootIsNotConsultedWhetherOrNotTheServerSendsTheRoot() throws Exception {
    TestPki.Chain chain = TestPki.chain("public");
    TestPki.Chain withRoot = TestPki.chain("public-with-root", true);
    ThumbprintProbe probe =
        new ThumbprintProbe(
            Optional.empty(), Optional.of(publicRoots(chain, withRoot)), Outbound.LOCAL_SERVERS);

    Probe intermediateLast =
        probe.probe(IssuerUrl.parse(serve(chain).origin()), trusting(chain), allowing("localhost"));
    Probe rootLast =
        probe.probe(
            IssuerUrl.parse(serve(withRoot).origin()), trusting(withRoot), allowing("localhost"));

    assertThat(use(intermediateLast)).isEqualTo(ThumbprintUse.NOT_CONSULTED);
    assertThat(use(rootLast)).isEqualTo(ThumbprintUse.NOT_CONSULTED);
  }

  @Test
  void theJwksEndpointsChainDecidesNotTheIssuers() throws Exception {
    TestPki.Chain publicChain = TestPki.chain("issuer-public");
    TestPki.Chain privateChain = TestPki.chain("jwks-private");
    LocalIssuer issuer = serve(publicChain);
    LocalIssuer jwks = serve(privateChain);
    issuer.jwksUri("https://127.0.0.1:" + jwks.port() + "/openid/v1/jwks");
    IssuerTrust trust = trusting(publicChain, privateChain);

    Probe privateJwks =
        new ThumbprintProbe(
                Optional.empty(), Optional.of(publicRoots(publicChain)), Outbound.LOCAL_SERVERS)
            .probe(IssuerUrl.parse(issuer.origin()), trust, allowing("localhost", "127.0.0.1"));
    Probe publicJwks =
        new ThumbprintProbe(
                Optional.empty(), Optional.of(publicRoots(privateChain)), Outbound.LOCAL_SERVERS)
            .probe(IssuerUrl.parse(issuer.origin()), trust, allowing("localhost", "127.0.0.1"));

    assertThat(use(privateJwks)).isEqualTo(ThumbprintUse.LOAD_BEARING);
    assertThat(use(publicJwks)).isEqualTo(ThumbprintUse.NOT_CONSULTED);
  }

  @Test
  void theJdksRootsAreReadAndRejectAChainTheyDoNotKnow() throws Exception {
    TestPki.Chain chain = TestPki.chain("unknown");

    assertThat(PublicRoots.jdk().judge(List.of(chain.leaf(), chain.intermediate())))
        .isEqualTo(ThumbprintUse.LOAD_BEARING);
    assertThat(publicRoots(chain).judge(List.of(chain.leaf(), chain.intermediate())))
        .isEqualTo(ThumbprintUse.NOT_CONSULTED);
    assertThat(publicRoots(chain).judge(List.of())).isEqualTo(ThumbprintUse.LOAD_BEARING);
  }

  @Test
  void theJdksRootsComeFromItsCacertsEvenWhenTheJvmIsPointedAtAPrivateStore() throws Exception {
    TestPki.Chain chain = TestPki.chain("jvm-private");
    KeyStore cacerts = KeyStore.getInstance(KeyStore.getDefaultType());
    try (var in = java.nio.file.Files.newInputStream(PublicRoots.jdkCacerts())) {
      cacerts.load(in, null);
    }
    X509Certificate aPublicRoot =
        (X509Certificate) cacerts.getCertificate(cacerts.aliases().nextElement());
    System.setProperty(
        "javax.net.ssl.trustStore", chain.trustStore(dir.resolve("jvm.p12")).toString());
    System.setProperty("javax.net.ssl.trustStorePassword", new String(TestPki.PASSWORD));
    try {
      PublicRoots roots = PublicRoots.fromFile(PublicRoots.jdkCacerts());

      assertThat(roots.judge(List.of(chain.leaf(), chain.intermediate())))
          .isEqualTo(ThumbprintUse.LOAD_BEARING);
      assertThat(roots.judge(List.of(aPublicRoot))).isEqualTo(ThumbprintUse.NOT_CONSULTED);
    } finally {
      System.clearProperty("javax.net.ssl.trustStore");
      System.clearProperty("javax.net.ssl.trustStorePassword");
    }
  }
}
