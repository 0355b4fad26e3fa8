package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.SeededCluster;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.Openssl;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.nio.file.Files;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.Tag;

/** Schedule ticks against moto's IAM and EKS, with local HTTPS issuers. */
class ThumbprintRotatorIT {
  static final String UPDATE = "iam:UpdateOpenIDConnectProviderThumbprint";

  @RegisterExtension static final LocalAws aws = new LocalAws();

  private Rig rig;

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(aws);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  /** An extra issuer served locally; its host is allowed because it is an extra issuer. */
  private String extraIssuer(LocalIssuer server, String path) {
    String issuer = server.origin() + path;
    rig.config("{\"thumbprints\":{\"extraIssuers\":[\"" + issuer + "\"]}}");
    return issuer;
  }

  private static String providerUrl(String issuer) {
    return issuer.substring("https://".length());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void caRotationPutsTheNewThumbprintFirstOnceAndThenChangesNothing() throws Exception {
    TestPki.Chain before = TestPki.chain("before");
    TestPki.Chain after = TestPki.chain("after");
    LocalIssuer server = rig.serve(before);
    rig.trust(before, after);
    String issuer = extraIssuer(server, "/tenant/a");
    String arn = rig.createProvider(issuer, before.thumbprint());

    Map<String, Object> unchanged = Rig.run(rig.handler(false), Rig.tick());
    assertThat(rig.calls.calls()).doesNotContain(UPDATE);
    assertThat(list(unchanged, "planned")).isEmpty();

    server.use(after);
    String presentedLast = Openssl.presented(server.port()).get(1);
    String expected = Openssl.sha1Fingerprint(presentedLast, Files.createTempDirectory("pem"));
    Rig.run(rig.handler(false), Rig.tick());

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(expected, before.thumbprint());
    assertThat(rig.calls.calls()).containsOnlyOnce(UPDATE);
    AuditCapture.Sent rotated = rig.audit.ofType("Thumbprint Rotated").get(0);
    assertThat(rotated.resources()).containsExactly(arn);
    assertThat(rotated.detail())
        .containsEntry("previous", List.of(before.thumbprint()))
        .containsEntry("thumbprints", List.of(expected, before.thumbprint()))
        .containsEntry("added", List.of(expected))
        .containsEntry("removed", List.of());

    rig.calls.clear();
    Map<String, Object> again = Rig.run(rig.handler(false), Rig.tick());

    assertThat(rig.calls.calls()).contains("iam:GetOpenIDConnectProvider").doesNotContain(UPDATE);
    assertThat(list(again, "applied")).isEmpty();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(expected, before.thumbprint());
  }

  @Test
  void aFullListDropsItsOldestEntry() throws Exception {
    TestPki.Chain chain = TestPki.chain("cap");
    LocalIssuer server = rig.serveTrusted(chain);
    String issuer = extraIssuer(server, "");
    List<String> five = Rig.FIVE;
    String arn = rig.createProvider(issuer, five.toArray(String[]::new));

    Rig.run(rig.handler(false), Rig.tick());

    assertThat(rig.provider(arn).thumbprintList())
        .containsExactly(chain.thumbprint(), five.get(0), five.get(1), five.get(2), five.get(3));
    assertThat(rig.audit.ofType("Thumbprint Rotated").get(0).detail())
        .containsEntry("removed", List.of(five.get(4)));
  }

  @Test
  void anUpperCaseCopyOfTheCurrentThumbprintIsTheSame() throws Exception {
    TestPki.Chain chain = TestPki.chain("case");
    LocalIssuer server = rig.serveTrusted(chain);
    String arn =
        rig.createProvider(extraIssuer(server, "/x"), chain.thumbprint().toUpperCase(), OLD);

    Map<String, Object> report = Rig.run(rig.handler(false), Rig.tick());

    assertThat(rig.calls.calls()).contains("iam:GetOpenIDConnectProvider").doesNotContain(UPDATE);
    assertThat(list(report, "findings"))
        .extracting(f -> f.get("detailType"))
        .containsExactly("Thumbprint Use Assessed");
    assertThat(rig.provider(arn).thumbprintList())
        .containsExactly(chain.thumbprint().toUpperCase(), OLD);
  }

  @Test
  void anUntrustedChainChangesNothingIsReportedAndOthersStillRotate() throws Exception {
    TestPki.Chain untrusted = TestPki.chain("untrusted");
    TestPki.Chain trusted = TestPki.chain("trusted");
    LocalIssuer bad = rig.serve(untrusted);
    LocalIssuer good = rig.serveTrusted(trusted);
    String badIssuer = bad.origin() + "/bad";
    String goodIssuer = good.origin() + "/good";
    rig.config(
        "{\"thumbprints\":{\"extraIssuers\":[\"" + badIssuer + "\",\"" + goodIssuer + "\"]}}");
    String badArn = rig.createProvider(badIssuer, OLD);
    String goodArn = rig.createProvider(goodIssuer, OLD);

    Map<String, Object> report = Rig.run(rig.handler(false), Rig.tick());

    assertThat(rig.provider(badArn).thumbprintList()).containsExactly(OLD);
    assertThat(rig.provider(goodArn).thumbprintList()).containsExactly(trusted.thumbprint(), OLD);
    assertThat(list(report, "findings"))
        .extracting(f -> f.get("detailType"))
        .containsExactly("Thumbprint Check Failed", "Thumbprint Use Assessed");
    Map<String, Object> finding = list(report, "findings").get(0);
    assertThat(finding)
        .containsEntry("detailType", "Thumbprint Check Failed")
        .containsEntry("target", badArn)
        .containsEntry("thumbprintsKept", List.of(OLD));
    assertThat((String) finding.get("reason")).startsWith("TLS with localhost failed: ");
    assertThat((Map<String, Object>) report.get("metrics"))
        .containsEntry("ThumbprintCheckFailed", 1.0);
    assertThat(rig.audit.ofType("Thumbprint Check Failed")).hasSize(1);
  }

  @Test
  void aDiscoveryDocumentPointingElsewhereIsReportedAndNotFollowed() throws Exception {
    TestPki.Chain chain = TestPki.chain("forgery");
    LocalIssuer issuer = rig.serve(chain);
    LocalIssuer internal = rig.serveTrusted(chain);
    issuer.jwksUri("https://127.0.0.1:" + internal.port() + "/admin");
    String arn = rig.createProvider(extraIssuer(issuer, "/evil"), OLD);

    Map<String, Object> report = Rig.run(rig.handler(false), Rig.tick());

    assertThat(internal.connections()).isZero();
    assertThat(list(report, "findings"))
        .extracting(f -> f.get("detailType"))
        .containsExactly("OIDC Discovery Refused", "Thumbprint Check Failed");
    assertThat(list(report, "findings").get(0))
        .containsEntry("jwksUri", "https://127.0.0.1:" + internal.port() + "/admin");
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
  }

  @Test
  void aMissingClusterProviderIsReportedWithoutContactingTheIssuer() throws Exception {
    TestPki.Chain chain = TestPki.chain("missing");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = rig.createCluster("dev-1");
    rig.config(Rig.allowingLocalhost());

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(list(report, "findings")).hasSize(1);
    assertThat(list(report, "findings").get(0))
        .containsEntry("detailType", "OIDC Provider Missing")
        .containsEntry("target", cluster.arn())
        .containsEntry("issuer", cluster.issuer())
        .containsEntry("cluster", "dev-1")
        .containsEntry("createMissingProviders", false);
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(server.connections()).isZero();
    assertThat(rig.iam.listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
  }

  /** dev-1, without a provider, in a config that lets the rotator create one. */
  private SeededCluster providerMissingAndAllowed() {
    SeededCluster cluster = rig.createCluster("dev-1");
    rig.config(
        "{\"thumbprints\":{\"createMissingProviders\":true,"
            + "\"allowedHosts\":[\"oidc.eks.*.amazonaws.com\",\"localhost\"]}}");
    return cluster;
  }

  @Test
  void aMissingClusterProviderIsCreatedLikeEksctlWhenAllowed() throws Exception {
    TestPki.Chain chain = TestPki.chain("create");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = providerMissingAndAllowed();
    String expected =
        Openssl.sha1Fingerprint(
            Files.readString(chain.lastPresentedPem(Files.createTempFile("last", ".pem"))),
            Files.createTempDirectory("pem"));

    Rig.run(rig.routedTo(server, false), Rig.tick());

    String issuer = cluster.issuer();
    String arn = "arn:aws:iam::123456789012:oidc-provider/" + providerUrl(issuer);
    GetOpenIdConnectProviderResponse created = rig.provider(arn);
    assertThat(created.url()).isEqualTo(providerUrl(issuer));
    assertThat(created.clientIDList()).containsExactly("sts.amazonaws.com");
    assertThat(created.thumbprintList()).containsExactly(expected);
    assertThat(created.tags())
        .containsExactly(Tag.builder().key("eks-steward/managed").value("true").build());
    assertThat(rig.calls.mutations()).containsExactly("iam:CreateOpenIDConnectProvider");
    assertThat(rig.audit.ofType("OIDC Provider Created").get(0).detail())
        .containsEntry("provider", arn)
        .containsEntry("cluster", "dev-1")
        .containsEntry("thumbprints", List.of(expected));
  }

  /**
   * IAM has no request tokens: the SDK's retry of a create whose answer was lost is refused with
   * EntityAlreadyExists. The provider is exactly what was asked for, so it is ours: audited once.
   */
  @Test
  void aCreateWhoseAnswerWasLostIsFoundDoneOnTheRetryAndAuditedOnce() throws Exception {
    TestPki.Chain chain = TestPki.chain("lost");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = providerMissingAndAllowed();
    FaultInjector lost = FaultInjector.blipAt(1, Kind.TIMEOUT).mutationsOnly();

    Map<String, Object> report =
        Rig.run(
            rig.routedTo(server, false, Clock.systemUTC(), List.of(lost, rig.calls, rig.audit)),
            Rig.tick());

    String arn = "arn:aws:iam::123456789012:oidc-provider/" + providerUrl(cluster.issuer());
    assertThat(lost.faulted())
        .contains("#1 iam:CreateOpenIDConnectProvider TIMEOUT after sending")
        .allMatch(f -> f.startsWith("#1 iam:CreateOpenIDConnectProvider "));
    assertThat(report.get("errors")).asList().isEmpty();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint());
    assertThat(rig.audit.ofType("OIDC Provider Created"))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).containsEntry("provider", arn));
  }

  /** The same refusal at the first attempt: someone else made the provider; not ours to audit. */
  @Test
  void aProviderSomeoneElseCreatedMeanwhileIsNotAuditedAsOurs() throws Exception {
    TestPki.Chain chain = TestPki.chain("meanwhile");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = providerMissingAndAllowed();
    // Someone else creates it between our look and our create, with the thumbprint we would use.
    String thumbprint = chain.thumbprint();
    ExecutionInterceptor meanwhile =
        new ExecutionInterceptor() {
          @Override
          public void beforeExecution(
              Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof CreateOpenIdConnectProviderRequest) {
              rig.createProvider(cluster.issuer(), thumbprint);
            }
          }
        };

    Map<String, Object> report =
        Rig.run(
            rig.routedTo(
                server, false, Clock.systemUTC(), List.of(meanwhile, rig.calls, rig.audit)),
            Rig.tick());

    assertThat(report.get("errors")).asList().isEmpty();
    assertThat(rig.calls.mutations()).containsExactly("iam:CreateOpenIDConnectProvider");
    assertThat(rig.audit.ofType("OIDC Provider Created")).isEmpty();
    assertThat(rig.iam.listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
  }

  @Test
  void clusterIssuersOfEveryRegionAreCheckedWithOneProviderListing() throws Exception {
    TestPki.Chain chain = TestPki.chain("regions");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = rig.createCluster("dev-1");
    String arn = rig.createProvider(cluster, OLD);
    rig.config(
        "{\"targets\":{\"regions\":[\"eu-west-1\",\"eu-central-1\"]},"
            + "\"thumbprints\":{\"allowedHosts\":[\"oidc.eks.*.amazonaws.com\",\"localhost\"]}}");

    Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
    assertThat(rig.calls.calls().stream().filter(c -> c.equals("eks:ListClusters"))).hasSize(2);
    assertThat(rig.calls.calls()).containsOnlyOnce("iam:ListOpenIDConnectProviders");
  }

  @Test
  void anIssuerOffTheAllowListIsRefusedWithoutConnecting() throws Exception {
    TestPki.Chain chain = TestPki.chain("off-list");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = rig.createCluster("dev-1");
    String arn = rig.createProvider(cluster, OLD);
    rig.config("{}"); // default allow-list: EKS issuer hosts only, so the local route is refused

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(server.connections()).isZero();
    assertThat(list(report, "findings")).hasSize(1);
    assertThat(list(report, "findings").get(0))
        .containsEntry("detailType", "Thumbprint Check Failed")
        .containsEntry("refused", true)
        .containsEntry("reason", "issuer host localhost is not on thumbprints.allowedHosts");
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
  }

  @Test
  void excludedClustersAreLeftAlone() throws Exception {
    TestPki.Chain chain = TestPki.chain("excluded");
    LocalIssuer server = rig.serveTrusted(chain);
    SeededCluster cluster = rig.createCluster("dev-1");
    aws.eks()
        .tagResource(r -> r.resourceArn(cluster.arn()).tags(Map.of("eks-steward/exclude", "true")));
    String arn = rig.createProvider(cluster, OLD);
    rig.config(Rig.allowingLocalhost());

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(list(report, "planned"))
        .extracting(p -> p.get("type"), p -> p.get("reason"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "Skip", "cluster is tagged eks-steward/exclude=true"));
    assertThat(server.connections()).isZero();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
  }

  @Test
  void dryRunPlansTheRotationButWritesNothing() throws Exception {
    TestPki.Chain chain = TestPki.chain("dry");
    LocalIssuer server = rig.serveTrusted(chain);
    String arn = rig.createProvider(extraIssuer(server, "/dry"), OLD);

    Map<String, Object> report = Rig.run(rig.handler(true), Rig.tick());

    assertThat(report).containsEntry("dryRun", true);
    assertThat(list(report, "planned"))
        .extracting(p -> p.get("type"), p -> p.get("target"), p -> p.get("thumbprints"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "UpdateThumbprints", arn, List.of(chain.thumbprint(), OLD)));
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
  }
}
