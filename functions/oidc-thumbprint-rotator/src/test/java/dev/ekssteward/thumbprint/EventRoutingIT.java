package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.GITHUB;
import static dev.ekssteward.thumbprint.Rig.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.model.Cluster;

/** Each sample event in events/ (as the Lambda runtime deserialises it) and where it leads. */
class EventRoutingIT {
  static final String UPDATE = "iam:UpdateOpenIDConnectProviderThumbprint";
  static final String EXAMPLE_URL =
      "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
  // moto gives every cluster of a region the same issuer, so "another cluster's" provider is
  // one whose issuer no moto cluster has.
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

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> planned(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("planned");
  }

  @Test
  void scheduleTickLooksAtTheWholeAccount() throws Exception {
    config();

    Map<String, Object> report =
        Rig.run(rig.routedTo(server, false), EventFiles.load("schedule-tick.json"));

    assertThat(report).containsEntry("status", "ok");
    assertThat(rig.calls.calls()).contains("eks:ListClusters", "iam:ListOpenIDConnectProviders");
  }

  @Test
  void createClusterVerifiesOnlyThatClustersProvider() throws Exception {
    Cluster created = rig.createCluster("dev-1"); // the name in the sample event
    String arn = rig.createProvider(created, OLD);
    String otherArn = rig.createProvider(OTHER_EKS_ISSUER, OLD);
    config();

    Map<String, Object> report =
        Rig.run(rig.routedTo(server, false), EventFiles.load("thumbprint-create-cluster.json"));

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

  @Test
  void createClusterOutsideTheClusterFilterIsNotLookedAt() throws Exception {
    rig.createCluster("dev-1");
    rig.config("{\"targets\":{\"clusters\":{\"exclude\":[\"dev-*\"]}}}");

    Rig.run(rig.routedTo(server, false), EventFiles.load("thumbprint-create-cluster.json"));

    assertThat(rig.calls.calls()).containsExactly("ssm:GetParameter");
  }

  @Test
  void createProviderOfAnUnknownIssuerIsSkipped() throws Exception {
    String arn = rig.createProvider("https://" + EXAMPLE_URL, OLD); // the provider in the sample
    config();

    Map<String, Object> report =
        Rig.run(
            rig.routedTo(server, false), EventFiles.load("thumbprint-create-oidc-provider.json"));

    assertThat(planned(report))
        .extracting(p -> p.get("type"), p -> p.get("target"), p -> p.get("reason"))
        .containsExactly(
            Tuple.tuple("Skip", arn, "not the issuer of a cluster in scope nor an extra issuer"));
    assertThat(rig.iamCalls()).containsExactly("iam:GetOpenIDConnectProvider");
    assertThat(server.connections()).isZero();
  }

  @Test
  void createProviderOfAClusterIssuerIsVerifiedAtOnce() throws Exception {
    Cluster cluster = rig.createCluster("dev-1");
    String arn = rig.createProvider(cluster, OLD);
    String otherArn = rig.createProvider(OTHER_EKS_ISSUER, OLD);
    config();
    Map<String, Object> event =
        EventFiles.withDetail(
            "thumbprint-create-oidc-provider.json",
            "responseElements",
            Map.of("openIDConnectProviderArn", arn));

    Rig.run(rig.routedTo(server, false), event);

    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
    assertThat(rig.provider(otherArn).thumbprintList()).containsExactly(OLD);
    assertThat(rig.iamCalls()).containsExactly("iam:GetOpenIDConnectProvider", UPDATE);
  }

  @Test
  void updateThumbprintOfAnExtraIssuerIsVerifiedAtOnce() throws Exception {
    String arn = rig.createProvider(GITHUB, "6938fd4d98bab03faadb97b34396831e3780aea1");
    String unrelated = rig.createProvider(server.origin() + "/unrelated", OLD);
    config(GITHUB, server.origin() + "/unrelated");

    Map<String, Object> report =
        Rig.run(rig.routedTo(server, false), EventFiles.load("thumbprint-update-thumbprint.json"));

    assertThat(report).containsEntry("status", "ok");
    assertThat(rig.provider(arn).thumbprintList())
        .containsExactly(chain.thumbprint(), "6938fd4d98bab03faadb97b34396831e3780aea1");
    assertThat(rig.provider(unrelated).thumbprintList()).containsExactly(OLD);
    assertThat(rig.iamCalls()).containsExactly("iam:GetOpenIDConnectProvider", UPDATE);
  }

  @Test
  void ourOwnUpdateIsIgnoredByItsUserAgent() throws Exception {
    rig.createProvider(GITHUB, OLD);
    config(GITHUB);
    Map<String, Object> event =
        EventFiles.withDetail(
            "thumbprint-update-thumbprint.json",
            "userAgent",
            "aws-sdk-java/2.57.8 ua/2.1 os/Linux lang/java#21 eks-steward/oidc-thumbprint-rotator");

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), event);

    assertIgnoredAsItsOwnChange(report);
  }

  @Test
  void ourOwnCreateIsIgnoredByItsRole() throws Exception {
    config();
    Map<String, Object> event =
        EventFiles.withDetail(
            "thumbprint-create-oidc-provider.json",
            "userIdentity",
            Map.of(
                "type", "AssumedRole",
                "arn",
                    "arn:aws:sts::123456789012:assumed-role/eks-steward-ThumbprintRotatorFunctionRole-T/fn",
                "sessionContext",
                    Map.of("sessionIssuer", Map.of("type", "Role", "arn", Rig.ROLE_ARN))));

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), event);

    assertIgnoredAsItsOwnChange(report);
  }

  @Test
  void aFailedCallIsIgnored() throws Exception {
    config();
    Map<String, Object> event =
        EventFiles.withDetail("thumbprint-update-thumbprint.json", "errorCode", "InvalidInput");

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), event);

    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the call failed (InvalidInput)");
    assertThat(rig.iamCalls()).isEmpty();
  }

  /** Ignored before looking at anything but the config. */
  private void assertIgnoredAsItsOwnChange(Map<String, Object> report) {
    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "caused by this function itself");
    assertThat(rig.calls.calls()).containsExactly("ssm:GetParameter");
  }
}
