package dev.ekssteward.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallerIdentity;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Routing.Go;
import dev.ekssteward.shared.event.Routing.Ignore;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.pipeline.Targets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rotator's trigger declaration under the shared routing rules: which events it works on, with
 * which scope, and the reasons it gives for the rest (the former TriggerFilter's cases).
 */
class RotatorRoutingTest {
  static final String ACCOUNT = "123456789012";
  static final String ROLE =
      "arn:aws:iam::123456789012:role/eks-steward-ThumbprintRotatorFunctionRole-X";
  static final String PROVIDER =
      "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  static final CallerIdentity PERSON =
      new CallerIdentity("IAMUser", "arn:aws:iam::123456789012:user/alice", "alice", null, null);
  static final StewardConfig CONFIG =
      StewardConfig.parse(
          "{\"targets\":{\"regions\":[\"eu-west-1\",\"eu-central-1\"],"
              + "\"clusters\":{\"exclude\":[\"prod-*\"]}}}",
          "test");

  private final Routing routing =
      new Routing(ThumbprintRotator.NAME, ThumbprintRotator.TRIGGERS, "/eks-steward", ROLE);
  private final Targets targets = new Targets("eu-west-1", ACCOUNT, "aws", ThumbprintRotator.NAME);

  static CloudTrailCall call(
      String source,
      String name,
      String account,
      String region,
      Map<String, Object> request,
      Map<String, Object> response,
      CallerIdentity caller,
      String userAgent,
      String errorCode) {
    return new CloudTrailCall(
        source,
        name,
        "id",
        Instant.EPOCH,
        account,
        region,
        request,
        response,
        caller,
        userAgent,
        errorCode);
  }

  static CloudTrailCall update(CallerIdentity caller, String userAgent, String errorCode) {
    return call(
        "iam.amazonaws.com",
        "UpdateOpenIDConnectProviderThumbprint",
        ACCOUNT,
        "us-east-1",
        Map.of("openIDConnectProviderArn", PROVIDER),
        Map.of(),
        caller,
        userAgent,
        errorCode);
  }

  static CloudTrailCall createCluster(Map<String, Object> request) {
    return call(
        "eks.amazonaws.com",
        "CreateCluster",
        ACCOUNT,
        "eu-central-1",
        request,
        Map.of(),
        PERSON,
        "aws-cli/2",
        null);
  }

  private Routing.Route route(Trigger trigger) {
    return routing.route(trigger, CONFIG, targets);
  }

  private String reason(Trigger trigger) {
    return ((Ignore) route(trigger)).reason();
  }

  /** The one scope the pipeline makes of a route that names no cluster, and its lookup. */
  private static Lookup lookup(Go go) {
    return Lookup.of(new Scope(go.targets().get(0), go.cluster(), go.selection()));
  }

  @Test
  void someoneElsesUpdateVerifiesThatProviderInTheWholeAccount() {
    Go go = (Go) route(update(PERSON, "aws-cli/2.15", null));

    // IAM's events come from us-east-1: the account's first configured region serves it.
    assertThat(go.targets()).containsExactly(new Target(ACCOUNT, "eu-west-1", null));
    assertThat(go.cluster()).isNull();
    assertThat(((Selection.One) go.selection()).kind()).isEqualTo("oidc-provider");
    assertThat(lookup(go)).isEqualTo(new Lookup.OneProvider(PROVIDER));
  }

  @Test
  void aCreatedProviderIsNamedByTheResponse() {
    Go go =
        (Go)
            route(
                call(
                    "iam.amazonaws.com",
                    "CreateOpenIDConnectProvider",
                    ACCOUNT,
                    "us-east-1",
                    Map.of("url", "https://x"),
                    Map.of("openIDConnectProviderArn", PROVIDER),
                    PERSON,
                    "aws-cli",
                    null));

    assertThat(lookup(go)).isEqualTo(new Lookup.OneProvider(PROVIDER));
  }

  @Test
  void createClusterLooksAtThatClusterInItsRegion() {
    Go go = (Go) route(createCluster(Map.of("name", "dev-1")));

    assertThat(go.targets()).containsExactly(new Target(ACCOUNT, "eu-central-1", null));
    assertThat(lookup(go)).isEqualTo(new Lookup.OneCluster("eu-central-1", "dev-1"));
  }

  @Test
  void aTickLooksAtEachAccountOnce() {
    Go go = (Go) route(new Trigger.ScheduleTick(Instant.EPOCH, null));

    assertThat(go.targets()).containsExactly(new Target(ACCOUNT, "eu-west-1", null));
    assertThat(lookup(go)).isEqualTo(new Lookup.Everything());
  }

  /** Was: "caused by this function itself". */
  @Test
  void ourOwnUpdateIsIgnoredByRoleNeverByUserAgent() {
    CallerIdentity us =
        new CallerIdentity(
            "AssumedRole", "arn:aws:sts::123456789012:assumed-role/r/s", null, ROLE, null);

    assertThat(
            route(
                update(
                    PERSON,
                    "aws-sdk-java/2.57.8 md/io#sync eks-steward/oidc-thumbprint-rotator",
                    null)))
        .isInstanceOf(Go.class);
    assertThat(reason(update(us, "aws-sdk-java/2.57.8", null)))
        .isEqualTo("the call was made by oidc-thumbprint-rotator itself");
  }

  @Test
  void anotherStewardFunctionIsNotUs() {
    assertThat(route(update(PERSON, "aws-sdk-java/2.57.8 eks-steward/tag-enforcer", null)))
        .isInstanceOf(Go.class);
  }

  /** Were: "the call failed (AccessDenied)", "not a trigger of this function: ...". */
  @Test
  void failedCallsAndOtherEventsAreIgnored() {
    assertThat(reason(update(PERSON, "aws-cli", "AccessDenied")))
        .isEqualTo("the call failed (AccessDenied); nothing changed");
    assertThat(
            reason(
                call(
                    "iam.amazonaws.com",
                    "CreateRole",
                    ACCOUNT,
                    "us-east-1",
                    Map.of(),
                    Map.of(),
                    PERSON,
                    "aws-cli",
                    null)))
        .isEqualTo("not a call oidc-thumbprint-rotator acts on: iam.amazonaws.com CreateRole");
    assertThat(reason(new Trigger.WakeRequest("c", List.of(), null, null, null)))
        .isEqualTo("oidc-thumbprint-rotator does not act on wake requests");
  }

  /** Was: "the event names no OIDC provider". */
  @Test
  void aProviderEventWithoutAnArnIsIgnored() {
    CloudTrailCall create =
        call(
            "iam.amazonaws.com",
            "CreateOpenIDConnectProvider",
            ACCOUNT,
            "us-east-1",
            Map.of("url", "https://x"),
            Map.of(),
            PERSON,
            "aws-cli",
            null);

    assertThat(reason(create)).isEqualTo("the event names no oidc-provider ARN");
  }

  @Test
  void createClusterWithoutANameOrOutOfScopeIsIgnored() {
    assertThat(reason(createCluster(Map.of()))).isEqualTo("the event names no cluster");
    // Was: status ok with no scope and nothing planned.
    assertThat(reason(createCluster(Map.of("name", "prod-1"))))
        .isEqualTo("cluster prod-1 is not selected by targets.clusters");
  }

  @Test
  void anotherAccountsProviderIsIgnored() {
    CloudTrailCall other =
        call(
            "iam.amazonaws.com",
            "UpdateOpenIDConnectProviderThumbprint",
            "111122223333",
            "us-east-1",
            Map.of(
                "openIDConnectProviderArn",
                "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"),
            Map.of(),
            PERSON,
            "aws-cli",
            null);

    assertThat(reason(other)).isEqualTo("account 111122223333 is not among the configured targets");
  }
}
