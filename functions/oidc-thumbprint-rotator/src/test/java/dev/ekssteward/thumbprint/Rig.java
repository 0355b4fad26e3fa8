package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecheckQueue;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.ProviderSeed;
import dev.ekssteward.shared.testing.seed.SeededCluster;
import dev.ekssteward.shared.testing.seed.SeededFleet;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.tls.IssuerTrust;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.PublicRoots;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;

/**
 * What the rotator's moto tests share: local issuers, the trust store, the handler built from the
 * production component (or the routed twin), IAM for checking, and the shared fleet seeder for
 * clusters, providers and the config parameter. The handler waits for a cluster still CREATING only
 * until moto's transitions are over ({@link LocalAws#waits()}), not the 10-60 s of AWS.
 */
final class Rig implements AutoCloseable {
  static final String ROLE_ARN =
      "arn:aws:iam::123456789012:role/eks-steward-ThumbprintRotatorFunctionRole-T";

  /** A thumbprint no test issuer presents. */
  static final String OLD = "0123456789abcdef0123456789abcdef01234567";

  static final String GITHUB = "https://token.actions.githubusercontent.com";

  /** A full list (IAM's maximum of five), none of them a test issuer's. */
  static final List<String> FIVE =
      List.of("1".repeat(40), "2".repeat(40), "3".repeat(40), "4".repeat(40), "5".repeat(40));

  final LocalAws aws;
  final CallRecorder calls = new CallRecorder(ThumbprintRotator.NAME);
  final AuditCapture audit = new AuditCapture();
  final IamClient iam;
  private final Path dir;
  private final List<LocalIssuer> servers = new ArrayList<>();
  private RecheckQueue recheckQueue;

  /** The roots the routed handler judges by: the JDK's, unless a test stands in its own. */
  PublicRoots publicRoots = PublicRoots.jdk();

  Rig(LocalAws aws) throws Exception {
    this.aws = aws;
    this.iam = aws.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()));
    this.dir = Files.createTempDirectory("thumbprint-it");
    // The audit bus exists, so each audit event is sent exactly once.
    seed(FleetSeed.fleet().auditBus(aws.environment(false).get("AUDIT_BUS")));
  }

  SeededFleet seed(FleetSeed fleet) {
    return aws.seeder().seed(fleet);
  }

  LocalIssuer serve(TestPki.Chain chain) throws Exception {
    LocalIssuer s = LocalIssuer.start(chain);
    servers.add(s);
    return s;
  }

  /** Serves {@code chain} from a local issuer whose root is the only one trusted. */
  LocalIssuer serveTrusted(TestPki.Chain chain) throws Exception {
    LocalIssuer s = serve(chain);
    trust(chain);
    return s;
  }

  /** The extra trust store holds exactly these roots. */
  void trust(TestPki.Chain... chains) throws Exception {
    List<X509Certificate> roots = new ArrayList<>();
    for (TestPki.Chain c : chains) {
      roots.add(c.root());
    }
    Path store = TestPki.trustStore(Files.createTempFile(dir, "trust", ".p12"), roots);
    System.setProperty(IssuerTrust.STORE_PROPERTY, store.toString());
    System.setProperty(IssuerTrust.PASSWORD_PROPERTY, new String(TestPki.PASSWORD));
  }

  /** Stands these chains' roots in for the public roots IAM trusts. */
  void treatAsPublic(TestPki.Chain... chains) throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    for (int i = 0; i < chains.length; i++) {
      store.setCertificateEntry("public-" + i, chains[i].root());
    }
    publicRoots = PublicRoots.of(store);
  }

  void config(String json) {
    seed(FleetSeed.fleet().config(json));
  }

  /**
   * Config whose allow-list adds localhost to the EKS issuer hosts (the routed handler fetches
   * every issuer from a local server), with these extra issuers.
   */
  static String allowingLocalhost(String... extraIssuers) {
    return "{\"thumbprints\":{\"allowedHosts\":[\"oidc.eks.*.amazonaws.com\",\"localhost\"],"
        + "\"extraIssuers\":["
        + String.join(",", java.util.Arrays.stream(extraIssuers).map(i -> "\"" + i + "\"").toList())
        + "]}}";
  }

  Settings settings(boolean dryRun) {
    Map<String, String> env = aws.environment(dryRun);
    env.put("STEWARD_ROLE_ARN", ROLE_ARN);
    if (recheckQueue != null) {
      env.put("RECHECK_QUEUE_URL", recheckQueue.url());
    }
    return Settings.from(env);
  }

  /** From now on the handlers send deferred looks to this queue. */
  void rechecks(RecheckQueue queue) {
    this.recheckQueue = queue;
  }

  /**
   * The production graph with issuers fetched where they are: the tests' issuers are local servers
   * on loopback, which only a graph with a route may reach (production refuses loopback).
   */
  ThumbprintRotatorHandler handler(boolean dryRun) {
    return new ThumbprintRotatorHandler(
        DaggerRoutedThumbprintComponent.factory()
            .create(
                ThumbprintRotator.NAME,
                settings(dryRun),
                Clock.systemUTC(),
                aws.waits(),
                List.of(calls, audit),
                issuer -> issuer,
                publicRoots));
  }

  /** The handler whose fetches of any issuer go to {@code local} (same path). */
  ThumbprintRotatorHandler routedTo(LocalIssuer local, boolean dryRun) {
    return routedTo(local, dryRun, Clock.systemUTC(), List.of(calls, audit));
  }

  /** The same with this clock and these interceptors instead of the rig's recorders. */
  ThumbprintRotatorHandler routedTo(
      LocalIssuer local, boolean dryRun, Clock clock, List<ExecutionInterceptor> with) {
    return new ThumbprintRotatorHandler(
        DaggerRoutedThumbprintComponent.factory()
            .create(
                ThumbprintRotator.NAME,
                settings(dryRun),
                clock,
                aws.waits(),
                with,
                issuer -> IssuerUrl.parse(local.origin() + issuer.path()),
                publicRoots));
  }

  static Map<String, Object> run(ThumbprintRotatorHandler handler, Map<String, Object> event) {
    return handler.handle(event, new TestContext(ThumbprintRotator.NAME));
  }

  static Map<String, Object> tick() {
    return Map.of("trigger", "schedule");
  }

  /** A provider of {@code url} for STS with these thumbprints; returns its ARN. */
  String createProvider(String url, String... thumbprints) {
    return seed(FleetSeed.fleet().provider(ProviderSeed.issuer(url).thumbprints(thumbprints)))
        .providerArn(url);
  }

  GetOpenIdConnectProviderResponse provider(String arn) {
    return iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
  }

  /** A provider for the cluster's own issuer. */
  String createProvider(SeededCluster cluster, String... thumbprints) {
    return createProvider(cluster.issuer(), thumbprints);
  }

  /** A cluster (its issuer URL is moto's draw). */
  SeededCluster createCluster(String name) {
    return seed(FleetSeed.fleet().cluster(ClusterSeed.cluster(name))).cluster(name);
  }

  List<String> iamCalls() {
    return calls.calls().stream().filter(c -> c.startsWith("iam:")).toList();
  }

  @Override
  public void close() throws Exception {
    System.clearProperty(IssuerTrust.STORE_PROPERTY);
    System.clearProperty(IssuerTrust.PASSWORD_PROPERTY);
    for (LocalIssuer s : servers) {
      s.close();
    }
  }
}
