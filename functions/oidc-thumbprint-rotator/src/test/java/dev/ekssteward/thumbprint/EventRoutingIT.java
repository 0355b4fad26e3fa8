package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.GITHUB;
import static dev.ekssteward.thumbprint.Rig.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.SeededCluster;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each sample event in events/, delivered as a Map and as the library's ScheduledEvent, and where
 * it leads.
 */
class EventRoutingIT {
  static final String UPDATE = "iam:UpdateOpenIDConnectProviderThumbprint";
  static final String CREATE_CLUSTER = "thumbprint-create-cluster.json";
  static final String CREATE_PROVIDER = "thumbprint-create-oidc-provider.json";
  static final String UPDATE_THUMBPRINT = "thumbprint-update-thumbprint.json";
  static final String EXAMPLE_URL =
      "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  static final String OTHER_EKS_ISSUER =
      "https://oidc.eks.eu-west-1.amazonaws.com/id/OTHER0000000000000000000000000";

  @RegisterExtension static final LocalAws aws = new LocalAws();

  private Rig rig;
  private TestPki.Chain chain;
  private LocalIssuer server;

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(aws);
    chain = TestPki.chain("events");
    server = rig.serveTrusted(chain);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private void config(String... extraIssuers) {
    rig.config(Rig.allowingLocalhost(extraIssuers));
  }

  private Map<String, Object> deliver(Delivery delivery, String file) {
    return delivery.run(rig.routedTo(server, false), file);
  }

  private Map<String, Object> deliver(Delivery delivery, String file, String key, Object value) {
    return delivery.run(rig.routedTo(server, false), file, Map.of(key, value));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> planned(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("planned");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void scheduleTickLooksAtTheWholeAccount(Delivery delivery) throws Exception {
    config();

    Map<String, Object> report = deliver(delivery, "schedule-tick.json");

    assertThat(report).containsEntry("status", "ok");
    assertThat(rig.calls.calls()).contains("eks:ListClusters", "iam:ListOpenIDConnectProviders");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void createClusterVerifiesOnlyThatClustersProvider(Delivery delivery) throws Exception {
    SeededCluster created = rig.createCluster("dev-1"); // the name in the sample event
    String arn = rig.createProvider(created, OLD);
    // moto gives each cluster its own issuer; this provider's is no cluster's.
    String otherArn = rig.createProvider(OTHER_EKS_ISSUER, OLD);
    config();

    Map<String, Object> report = deliver(delivery, CREATE_CLUSTER);

    assertThat(report).containsEntry("status", "ok");
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
    assertThat(rig.provider(otherArn).thumbprintList()).containsExactly(OLD);
    assertThat(rig.calls.calls())
        .doesNotContain("eks:ListClusters")
        .contains("eks:DescribeCluster");
    assertThat(planned(report))
        .extracting(p -> p.get("scope"))
        .containsExactly("123456789012/eu-west-1/dev-1");
  }

  /** Was: status ok with nothing planned. Now the routing's own reason, before any AWS read. */
  @ParameterizedTest
  @EnumSource(Delivery.class)
  void createClusterOutsideTheClusterFilterIsIgnored(Delivery delivery) throws Exception {
    rig.createCluster("dev-1");
    rig.config("{\"targets\":{\"clusters\":{\"exclude\":[\"dev-*\"]}}}");

    Map<String, Object> report = deliver(delivery, CREATE_CLUSTER);

    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "cluster dev-1 is not selected by targets.clusters");
    assertThat(rig.calls.calls()).containsExactly("ssm:GetParameter");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void createProviderOfAnUnknownIssuerIsSkipped(Delivery delivery) throws Exception {
    String arn = rig.createProvider("https://" + EXAMPLE_URL, OLD); // the provider in the sample
    config();

    Map<String, Object> report = deliver(delivery, CREATE_PROVIDER);

    assertThat(planned(report))
        .extracting(p -> p.get("type"), p -> p.get("target"), p -> p.get("reason"))
        .containsExactly(
            Tuple.tuple("Skip", arn, "not the issuer of a cluster in scope nor an extra issuer"));
    assertThat(rig.iamCalls()).containsExactly("iam:GetOpenIDConnectProvider");
    assertThat(server.connections()).isZero();
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void createProviderOfAClusterIssuerIsVerifiedAtOnce(Delivery delivery) throws Exception {
    SeededCluster cluster = rig.createCluster("dev-1");
    String arn = rig.createProvider(cluster, OLD);
    String otherArn = rig.createProvider(OTHER_EKS_ISSUER, OLD);
    config();

    deliver(delivery, CREATE_PROVIDER, "responseElements", Map.of("openIDConnectProviderArn", arn));

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
    assertThat(rig.provider(otherArn).thumbprintList()).containsExactly(OLD);
    assertThat(rig.iamCalls()).containsExactly("iam:GetOpenIDConnectProvider", UPDATE);
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void updateThumbprintOfAnExtraIssuerIsVerifiedAtOnce(Delivery delivery) throws Exception {
    String arn = rig.createProvider(GITHUB, "6938fd4d98bab03faadb97b34396831e3780aea1");
    String unrelated = rig.createProvider(server.origin() + "/unrelated", OLD);
    config(GITHUB, server.origin() + "/unrelated");

    Map<String, Object> report = deliver(delivery, UPDATE_THUMBPRINT);

    assertThat(report).containsEntry("status", "ok");
    assertThat(rig.provider(arn).thumbprintList())
        .containsExactly(chain.thumbprint(), "6938fd4d98bab03faadb97b34396831e3780aea1");
    assertThat(rig.provider(unrelated).thumbprintList()).containsExactly(OLD);
    assertThat(rig.iamCalls()).containsExactly("iam:GetOpenIDConnectProvider", UPDATE);
  }

  /** CloudTrail may record a path parameter URL-encoded; the provider is found all the same. */
  @ParameterizedTest
  @EnumSource(Delivery.class)
  void anEncodedProviderArnIsDecoded(Delivery delivery) throws Exception {
    String arn = rig.createProvider(GITHUB, OLD);
    config(GITHUB);

    deliver(
        delivery,
        UPDATE_THUMBPRINT,
        "requestParameters",
        Map.of("openIDConnectProviderArn", URLEncoder.encode(arn, StandardCharsets.UTF_8)));

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void ourUserAgentAloneDoesNotMakeAnUpdateOurs(Delivery delivery) throws Exception {
    rig.createProvider(GITHUB, OLD);
    config(GITHUB);

    // Anyone can send it: the update is checked like anyone's.
    Map<String, Object> report =
        deliver(
            delivery,
            UPDATE_THUMBPRINT,
            "userAgent",
            "aws-sdk-java/2.57.8 ua/2.1 os/Linux lang/java#21 eks-steward/oidc-thumbprint-rotator");

    assertThat(report.get("status")).isNotEqualTo("ignored");
    assertThat(report).doesNotContainKey("reason");
  }

  @ParameterizedTest
  @EnumSource(Delivery.class)
  void ourOwnCreateIsIgnoredByItsRole(Delivery delivery) throws Exception {
    config();

    Map<String, Object> report =
        deliver(
            delivery,
            CREATE_PROVIDER,
            "userIdentity",
            Map.of(
                "type", "AssumedRole",
                "arn",
                    "arn:aws:sts::123456789012:assumed-role/eks-steward-ThumbprintRotatorFunctionRole-T/fn",
                "sessionContext",
                    Map.of("sessionIssuer", Map.of("type", "Role", "arn", Rig.ROLE_ARN))));

    assertIgnoredAsItsOwnChange(report);
  }

  /** Was: "the call failed (InvalidInput)". */
  @ParameterizedTest
  @EnumSource(Delivery.class)
  void aFailedCallIsIgnored(Delivery delivery) throws Exception {
    config();

    Map<String, Object> report = deliver(delivery, UPDATE_THUMBPRINT, "errorCode", "InvalidInput");

    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the call failed (InvalidInput); nothing changed");
    assertThat(rig.iamCalls()).isEmpty();
  }

  /** Ignored before looking at anything but the config. Was: "caused by this function itself". */
  private void assertIgnoredAsItsOwnChange(Map<String, Object> report) {
    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the call was made by oidc-thumbprint-rotator itself");
    assertThat(rig.calls.calls()).containsExactly("ssm:GetParameter");
  }
}
