package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.OLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.pipeline.TransientFailureException;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.port.FakeClusterIssuers;
import dev.ekssteward.thumbprint.port.FakeOidcProviders;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.model.IamException;

/**
 * The production controller and executors on the in-memory ports (the twin component): what IAM
 * answers that moto cannot be made to answer at the right moment, and how each answer becomes the
 * action's outcome. Config and audit still go through the local AWS.
 */
class ThumbprintTwinIT {
  static final String UPDATE = "iam:UpdateOpenIDConnectProviderThumbprint";
  static final String CREATE = "iam:CreateOpenIDConnectProvider";
  static final String DEV_1 = "https://oidc.eks.eu-west-1.amazonaws.com/id/DEV1";
  static final String DEV_2 = "https://oidc.eks.eu-west-1.amazonaws.com/id/DEV2";

  @RegisterExtension static final LocalAws aws = new LocalAws();

  private Rig rig;
  private TestPki.Chain chain;
  private LocalIssuer server;
  private final FakeOidcProviders iam = new FakeOidcProviders(LocalAws.ACCOUNT);
  private final FakeClusterIssuers eks = new FakeClusterIssuers();

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(aws);
    chain = TestPki.chain("twin");
    server = rig.serveTrusted(chain);
    rig.config(Rig.allowingLocalhost());
    cluster("dev-1", DEV_1);
    cluster("dev-2", DEV_2);
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  private void cluster(String name, String issuer) {
    eks.add(
        new ClusterIssuer(
            "eu-west-1",
            name,
            "arn:aws:eks:eu-west-1:123456789012:cluster/" + name,
            "ACTIVE",
            issuer,
            Instant.parse("2026-01-01T00:00:00Z"),
            false));
  }

  private Map<String, Object> tick() {
    ThumbprintRotatorHandler handler =
        new ThumbprintRotatorHandler(
            DaggerFakeThumbprintComponent.factory()
                .create(
                    ThumbprintRotator.NAME,
                    rig.settings(false),
                    Clock.systemUTC(),
                    Waits.none(),
                    List.of(rig.calls, rig.audit),
                    issuer -> IssuerUrl.parse(server.origin() + issuer.path()),
                    iam,
                    eks));
    return Rig.run(handler, Rig.tick());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> applied(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("applied");
  }

  @Test
  void bothClustersProvidersAreRotatedThroughThePortsAndAudited() throws Exception {
    String one = iam.seed(DEV_1, OLD);
    String two = iam.seed(DEV_2, OLD);

    Map<String, Object> report = tick();

    assertThat(applied(report))
        .extracting(a -> a.get("target"), a -> a.get("result"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(one, "applied"),
            org.assertj.core.groups.Tuple.tuple(two, "applied"));
    assertThat(iam.stored(one).thumbprints()).containsExactly(chain.thumbprint(), OLD);
    assertThat(rig.audit.ofType("Thumbprint Rotated")).hasSize(2);
    // Only the config and the audit trail went to AWS.
    assertThat(rig.calls.calls()).containsOnly("ssm:GetParameter", "events:PutEvents");
  }

  /** Was: noop "the provider was deleted meanwhile". */
  @Test
  void aProviderDeletedBeforeItsUpdateIsGone() throws Exception {
    String one = iam.seed(DEV_1, OLD);
    iam.beforeNextWrite(f -> f.delete(one));

    Map<String, Object> report = tick();

    assertThat(report).containsEntry("status", "ok");
    assertThat(applied(report))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("result", "noop")
                    .containsEntry(
                        "message", "gone: OpenIDConnect Provider not found for arn " + one));
    assertThat(rig.audit.ofType("Thumbprint Rotated")).isEmpty();
  }

  @Test
  void aProviderCreatedMeanwhileIsANoop() throws Exception {
    rig.config(
        "{\"thumbprints\":{\"createMissingProviders\":true,"
            + "\"allowedHosts\":[\"oidc.eks.*.amazonaws.com\",\"localhost\"]}}");
    iam.beforeNextWrite(f -> f.seed(DEV_1, OLD));
    String two = iam.seed(DEV_2, chain.thumbprint());

    Map<String, Object> report = tick();

    assertThat(applied(report))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("type", "CreateProvider")
                    .containsEntry("result", "noop")
                    .containsEntry("message", "a provider for this issuer was created meanwhile"));
    assertThat(iam.stored(iam.arn(DEV_1)).thumbprints()).containsExactly(OLD);
    assertThat(iam.stored(two).thumbprints()).containsExactly(chain.thumbprint());
    assertThat(rig.audit.ofType("OIDC Provider Created")).isEmpty();
  }

  @Test
  void aRefusalFailsTheActionWithIamsWords() throws Exception {
    String one = iam.seed(DEV_1, OLD);
    iam.answerNext(UPDATE, new Result.Refused("AccessDenied: not allowed on " + one));

    Map<String, Object> report = tick();

    assertThat(applied(report))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("result", "failed")
                    .containsEntry("message", "AccessDenied: not allowed on " + one));
    assertThat(iam.stored(one).thumbprints()).containsExactly(OLD);
  }

  /**
   * Was: the failure ended the scope (the other provider waited for the retry). Now the action
   * fails, the scope's other actions still run, and the invocation fails at its end so Lambda
   * retries it.
   */
  @Test
  void aFailureWorthRetryingFailsTheRunAfterTheOtherActions() throws Exception {
    String one = iam.seed(DEV_1, OLD);
    String two = iam.seed(DEV_2, OLD);
    IamException throttled =
        (IamException)
            IamException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder()
                        .errorCode("Throttling")
                        .errorMessage("Rate exceeded")
                        .build())
                .build();
    iam.failNext(UPDATE, throttled);

    assertThatThrownBy(this::tick)
        .isInstanceOf(TransientFailureException.class)
        .cause()
        .isSameAs(throttled);

    assertThat(iam.calls().stream().filter(UPDATE::equals)).hasSize(2);
    List<List<String>> lists =
        List.of(iam.stored(one).thumbprints(), iam.stored(two).thumbprints());
    assertThat(lists).containsExactlyInAnyOrder(List.of(OLD), List.of(chain.thumbprint(), OLD));
    assertThat(rig.audit.ofType("Thumbprint Rotated")).hasSize(1);
  }
}
