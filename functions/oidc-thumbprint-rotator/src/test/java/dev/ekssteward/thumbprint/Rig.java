package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.tls.IssuerTrust;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * What the rotator's moto tests share: local issuers, the trust store, the config parameter, the
 * handler built from the production component (or the routed twin), and IAM for seeding/checking.
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

  Rig(LocalAws aws) throws Exception {
    this.aws = aws;
    this.iam = aws.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()));
    this.dir = Files.createTempDirectory("thumbprint-it");
    // The audit bus exists, so each audit event is sent exactly once.
    aws.events().createEventBus(r -> r.name(aws.environment(false).get("AUDIT_BUS")));
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

  void config(String json) {
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .type(ParameterType.STRING)
                    .overwrite(true)
                    .value(json));
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
    return Settings.from(env);
  }

  ThumbprintRotatorHandler handler(boolean dryRun) {
    return new ThumbprintRotatorHandler(
        DaggerThumbprintComponent.factory()
            .create(settings(dryRun), Clock.systemUTC(), Waits.none(), List.of(calls, audit)));
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
                settings(dryRun),
                clock,
                Waits.none(),
                with,
                issuer -> IssuerUrl.parse(local.origin() + issuer.path())));
  }

  static Map<String, Object> run(ThumbprintRotatorHandler handler, Map<String, Object> event) {
    return handler.handle(event, new TestContext(ThumbprintRotator.NAME));
  }

  static Map<String, Object> tick() {
    return Map.of("trigger", "schedule");
  }

  String createProvider(String url, String... thumbprints) {
    return iam.createOpenIDConnectProvider(
            r -> r.url(url).clientIDList("sts.amazonaws.com").thumbprintList(thumbprints))
        .openIDConnectProviderArn();
  }

  GetOpenIdConnectProviderResponse provider(String arn) {
    return iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
  }

  /** A provider for the cluster's own issuer. */
  String createProvider(Cluster cluster, String... thumbprints) {
    return createProvider(cluster.identity().oidc().issuer(), thumbprints);
  }

  Cluster createCluster(String name) {
    aws.eks()
        .createCluster(
            r ->
                r.name(name)
                    .roleArn("arn:aws:iam::123456789012:role/eks")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-1")));
    return aws.eks().describeCluster(r -> r.name(name)).cluster();
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
