package dev.ekssteward.shared.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Routing.Go;
import dev.ekssteward.shared.event.Routing.Ignore;
import dev.ekssteward.shared.event.Routing.Route;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.pipeline.Targets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules every function shares, applied to declarations like the functions' own. */
class RoutingTest {
  private static final String HOME = "999988887777";
  private static final String MEMBER = "111122223333";
  private static final String ROLE = "arn:aws:iam::999988887777:role/steward-fn";
  private static final StewardConfig MULTI =
      StewardConfig.parse(
          "{\"targets\":{\"regions\":[\"eu-west-1\",\"us-east-2\"],"
              + "\"accounts\":[{\"accountId\":\""
              + MEMBER
              + "\",\"roleName\":\"member\"}],"
              + "\"clusters\":{\"exclude\":[\"prod-*\"]}},"
              + "\"tagging\":{\"resourceTypes\":[\"cluster\",\"nodegroup\"]}}",
          "t");
  private static final Target MEMBER_US =
      new Target(MEMBER, "us-east-2", "arn:aws:iam::" + MEMBER + ":role/member-fn");

  private final Targets targets = new Targets("eu-west-1", HOME, "aws", "fn");

  private static final Triggers SCHEDULER =
      Triggers.none()
          .ticks()
          .wakeRequests()
          .releaseRequests()
          .on(
              CallRule.on(CallRule.EKS, "CreateNodegroup")
                  .kind("nodegroup")
                  .cluster("requestParameters.name")
                  .name("requestParameters.nodegroupName"));
  private static final Triggers TAGGING =
      Triggers.none()
          .ticks()
          .on(
              CallRule.on(CallRule.EKS, "CreateNodegroup")
                  .kind("nodegroup")
                  .cluster("responseElements.nodegroup.clusterName", "requestParameters.name")
                  .name("responseElements.nodegroup.nodegroupName")
                  .arn("responseElements.nodegroup.nodegroupArn")
                  .creates(),
              CallRule.on(CallRule.EKS, "UntagResource")
                  .resourceArn("requestParameters.resourceArn")
                  .keys("requestParameters.tagKeys"))
          .kinds("tagging.resourceTypes", c -> Set.copyOf(c.tagging().resourceTypes()));
  private static final Triggers ROTATOR =
      Triggers.none()
          .ticks()
          .perAccount()
          .on(
              CallRule.on(CallRule.IAM, "CreateOpenIDConnectProvider")
                  .kind("oidc-provider")
                  .arn("responseElements.openIDConnectProviderArn")
                  .anyRegion());
  private static final Triggers RECONCILER = Triggers.none().ticks().parameters("/fargate/");

  private Route route(Triggers triggers, Trigger trigger) {
    return new Routing("fn", triggers, "/eks-steward", ROLE).route(trigger, MULTI, targets);
  }

  private static CallRecord call(String name) {
    return new CallRecord(name);
  }

  /** A CloudTrail call under construction. */
  private static final class CallRecord {
    String source = CallRule.EKS;
    String name;
    String account = MEMBER;
    String region = "us-east-2";
    Map<String, Object> request = Map.of();
    Map<String, Object> response = Map.of();
    CallerIdentity caller =
        new CallerIdentity("IAMUser", "arn:aws:iam::1:user/ana", "ana", null, null);
    String agent = "aws-cli/2";
    String error;

    CallRecord(String name) {
      this.name = name;
    }

    CallRecord with(Map<String, Object> request) {
      this.request = request;
      return this;
    }

    CloudTrailCall build() {
      return new CloudTrailCall(
          source, name, "id", null, account, region, request, response, caller, agent, error);
    }
  }

  private static Map<String, Object> createNodegroup(String cluster, String group) {
    return Map.of("name", cluster, "nodegroupName", group);
  }

  @Test
  void aTickGoesEverywhereOrPerAccountForAccountWideFunctions() {
    Go all = (Go) route(SCHEDULER, new Trigger.ScheduleTick(null, null));
    assertThat(all.targets()).hasSize(4);
    assertThat(all.cluster()).isNull();
    assertThat(all.selection()).isEqualTo(Selection.ALL);

    Go perAccount = (Go) route(ROTATOR, new Trigger.ScheduleTick(null, null));
    assertThat(perAccount.targets()).extracting(Target::accountId).containsExactly(HOME, MEMBER);
  }

  @Test
  void aCallGoesToItsAccountRegionAndClusterWithWhatItNamed() {
    Go go =
        (Go)
            route(
                SCHEDULER, call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a")).build());

    assertThat(go.targets()).containsExactly(MEMBER_US);
    assertThat(go.cluster()).isEqualTo("dev-1");
    Selection.One one = (Selection.One) go.selection();
    assertThat(one.kind()).isEqualTo("nodegroup");
    assertThat(one.name()).isEqualTo("ng-a");
    assertThat(one.created()).isFalse();
    assertThat(one.caller().userName()).isEqualTo("ana");
  }

  @Test
  void theResponseNamesTheResourceBeforeTheRequest() {
    CallRecord c = call("CreateNodegroup").with(Map.of("name", "from-request"));
    c.response =
        Map.of(
            "nodegroup",
            Map.of(
                "clusterName", "dev-1",
                "nodegroupName", "ng-a",
                "nodegroupArn", "arn:aws:eks:us-east-2:" + MEMBER + ":nodegroup/dev-1/ng-a/1"));

    Go go = (Go) route(TAGGING, c.build());

    Selection.One one = (Selection.One) go.selection();
    assertThat(go.cluster()).isEqualTo("dev-1");
    assertThat(one.arn()).endsWith(":nodegroup/dev-1/ng-a/1");
    assertThat(one.created()).isTrue();
  }

  @Test
  void anEncodedResourceArnIsDecodedAndReadForKindClusterAndName() {
    String arn = "arn:aws:eks:us-east-2:" + MEMBER + ":nodegroup/dev-1/ng-a/1";
    Map<String, Object> request =
        Map.of("resourceArn", arn.replace(":", "%3A").replace("/", "%2F"), "tagKeys", "team");

    Go go = (Go) route(TAGGING, call("UntagResource").with(request).build());

    Selection.One one = (Selection.One) go.selection();
    assertThat(one.kind()).isEqualTo("nodegroup");
    assertThat(one.name()).isEqualTo("ng-a");
    assertThat(one.arn()).isEqualTo(arn);
    assertThat(one.keys()).containsExactly("team");
    assertThat(go.cluster()).isEqualTo("dev-1");
  }

  @Test
  void callsThatAreNotForTheFunctionFailedOrItsOwnAreIgnoredWithTheReason() {
    assertThat(route(SCHEDULER, call("DeleteNodegroup").build()))
        .isEqualTo(new Ignore("not a call fn acts on: eks.amazonaws.com DeleteNodegroup"));

    CallRecord failed = call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a"));
    failed.error = "AccessDenied";
    assertThat(route(SCHEDULER, failed.build()))
        .isEqualTo(new Ignore("the call failed (AccessDenied); nothing changed"));

    CallRecord byRole = call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a"));
    byRole.caller =
        new CallerIdentity(
            "AssumedRole", "arn:aws:sts::1:assumed-role/steward-fn/x", null, ROLE, null);
    assertThat(route(SCHEDULER, byRole.build()))
        .isEqualTo(new Ignore("the call was made by fn itself"));

    CallRecord inMember = call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a"));
    inMember.caller = member("member-fn", "eks-steward-fn");
    assertThat(route(SCHEDULER, inMember.build()))
        .isEqualTo(new Ignore("the call was made by fn itself"));
  }

  @Test
  void aCallThatOnlyLooksLikeOursIsRouted() {
    // Anyone can send our user agent.
    CallRecord byAgent = call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a"));
    byAgent.agent = "aws-sdk-java/2 eks-steward/fn";
    assertRoutedAsTheirs(byAgent);
    // Our session name on a role that is not the member role config names.
    CallRecord otherRole = call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a"));
    otherRole.caller = member("admin", "eks-steward-fn");
    assertRoutedAsTheirs(otherRole);
    // The member role, in another function's (or a person's) session.
    CallRecord otherSession = call("CreateNodegroup").with(createNodegroup("dev-1", "ng-a"));
    otherSession.caller = member("member-fn", "eks-steward-tag-enforcer");
    assertRoutedAsTheirs(otherSession);
  }

  private void assertRoutedAsTheirs(CallRecord c) {
    Route route = route(SCHEDULER, c.build());
    assertThat(route).isInstanceOf(Go.class);
    Go go = (Go) route;
    assertThat(go.targets()).containsExactly(MEMBER_US);
    assertThat(((Selection.One) go.selection()).caller()).isEqualTo(c.caller);
  }

  private static CallerIdentity member(String role, String session) {
    return new CallerIdentity(
        "AssumedRole",
        "arn:aws:sts::" + MEMBER + ":assumed-role/" + role + "/" + session,
        null,
        "arn:aws:iam::" + MEMBER + ":role/" + role,
        null);
  }

  @Test
  void whatTheEventMustNameAndMayNotName() {
    assertThat(route(SCHEDULER, call("CreateNodegroup").with(Map.of("nodegroupName", "x")).build()))
        .isEqualTo(new Ignore("the event names no cluster"));
    assertThat(route(SCHEDULER, call("CreateNodegroup").with(Map.of("name", "dev-1")).build()))
        .isEqualTo(new Ignore("the event names no nodegroup"));
    assertThat(
            route(SCHEDULER, call("CreateNodegroup").with(createNodegroup("../etc", "x")).build()))
        .isEqualTo(new Ignore("'../etc' is not a valid cluster name"));
    String addon = "arn:aws:eks:us-east-2:" + MEMBER + ":addon/dev-1/vpc-cni/1";
    assertThat(route(TAGGING, call("UntagResource").with(Map.of("resourceArn", addon)).build()))
        .isEqualTo(new Ignore("the call names no cluster, node group or Fargate profile"));
  }

  @Test
  void theConfigDecidesKindsClustersAccountsAndRegions() {
    String profile = "arn:aws:eks:us-east-2:" + MEMBER + ":fargateprofile/dev-1/p/1";
    assertThat(route(TAGGING, call("UntagResource").with(Map.of("resourceArn", profile)).build()))
        .isEqualTo(new Ignore("fargateprofile is not in tagging.resourceTypes"));
    assertThat(
            route(SCHEDULER, call("CreateNodegroup").with(createNodegroup("prod-1", "x")).build()))
        .isEqualTo(new Ignore("cluster prod-1 is not selected by targets.clusters"));
    CallRecord stranger = call("CreateNodegroup").with(createNodegroup("dev-1", "x"));
    stranger.account = "555555555555";
    assertThat(route(SCHEDULER, stranger.build()))
        .isEqualTo(
            new Ignore("account 555555555555 in us-east-2 is not among the configured targets"));
  }

  @Test
  void aGlobalServicesCallGoesToItsAccountWhateverTheRegion() {
    CallRecord iam = call("CreateOpenIDConnectProvider");
    iam.source = CallRule.IAM;
    iam.region = "us-east-1";
    iam.response =
        Map.of("openIDConnectProviderArn", "arn:aws:iam::" + MEMBER + ":oidc-provider/x/id/1");

    Go go = (Go) route(ROTATOR, iam.build());

    assertThat(go.targets()).extracting(Target::accountId).containsExactly(MEMBER);
    assertThat(go.cluster()).isNull();
    assertThat(((Selection.One) go.selection()).arn()).endsWith(":oidc-provider/x/id/1");
  }

  @Test
  void parameterChangesUnderTheDeclaredSegmentNameTheirClusterInTheHomeTarget() {
    Go go =
        (Go)
            route(
                RECONCILER,
                new Trigger.ParameterChange(
                    "/eks-steward/fargate/dev-1", "Update", HOME, "eu-west-1", null));
    assertThat(go.targets()).containsExactly(targets.home());
    assertThat(go.cluster()).isEqualTo("dev-1");

    assertThat(
            route(
                RECONCILER,
                new Trigger.ParameterChange(
                    "/other/fargate/dev-1", "Update", HOME, "eu-west-1", null)))
        .isEqualTo(new Ignore("parameter /other/fargate/dev-1 is not under /eks-steward/fargate/"));
    assertThat(
            route(
                SCHEDULER,
                new Trigger.ParameterChange(
                    "/eks-steward/fargate/dev-1", "Update", HOME, "eu-west-1", null)))
        .isEqualTo(new Ignore("fn does not act on parameter changes"));
  }

  @Test
  void wakeRequestsOnlyWhereDeclared() {
    Trigger wake = new Trigger.WakeRequest("dev-1", List.of("a"), 30, HOME, "eu-west-1");

    Go go = (Go) route(SCHEDULER, wake);
    assertThat(go.targets()).containsExactly(new Target(HOME, "eu-west-1", null));
    assertThat(go.selection()).isEqualTo(new Selection.Wake(List.of("a"), 30));
    Instant sent = Instant.parse("2026-11-25T22:00:00Z");
    Trigger timed =
        new Trigger.WakeRequest("dev-1", List.of("a"), 30, HOME, "eu-west-1", null, null, sent);
    assertThat(((Go) route(SCHEDULER, timed)).selection())
        .isEqualTo(new Selection.Wake(List.of("a"), 30, sent));

    assertThat(route(TAGGING, wake)).isEqualTo(new Ignore("fn does not act on wake requests"));
    assertThat(route(RECONCILER, new Trigger.Unrecognized("why"))).isEqualTo(new Ignore("why"));
  }

  @Test
  void aReleaseCoversEveryConfiguredTargetWhereverItWasSent() {
    Instant until = Instant.parse("2026-12-31T00:00:00Z");
    Trigger all = new Trigger.ReleaseRequest(until, null, null, HOME, "eu-west-1");

    Go go = (Go) route(SCHEDULER, all);
    assertThat(go.targets()).hasSize(4).contains(MEMBER_US);
    assertThat(go.cluster()).isNull();
    assertThat(go.selection()).isEqualTo(new Selection.Release(until, null));

    Go one =
        (Go) route(SCHEDULER, new Trigger.ReleaseRequest(null, 24, "dev-1", HOME, "eu-west-1"));
    assertThat(one.targets()).hasSize(4);
    assertThat(one.cluster()).isEqualTo("dev-1");
    assertThat(one.selection()).isEqualTo(new Selection.Release(null, 24));

    assertThat(route(SCHEDULER, new Trigger.ReleaseRequest(null, 24, "prod-1", HOME, "eu-west-1")))
        .isEqualTo(new Ignore("cluster prod-1 is not selected by targets.clusters"));
    assertThat(route(TAGGING, all)).isEqualTo(new Ignore("fn does not act on release requests"));
  }

  private static Trigger.Recheck look(String account, String region, String cluster, String call) {
    return new Trigger.Recheck(
        account,
        region,
        cluster,
        new Selection.One(call, "nodegroup", "ng-a", null, false, null, List.of(), 0).next());
  }

  @Test
  void aDeferredLookGoesToExactlyTheTargetAndClusterItNames() {
    Route member = route(SCHEDULER, look(MEMBER, "us-east-2", "dev-1", "CreateNodegroup"));
    Route home = route(SCHEDULER, look(HOME, "eu-west-1", "dev-1", "CreateNodegroup"));

    assertThat(member).isInstanceOf(Go.class);
    assertThat(((Go) member).targets()).containsExactly(MEMBER_US);
    assertThat(((Go) member).cluster()).isEqualTo("dev-1");
    assertThat(((Go) member).selection())
        .isEqualTo(look(MEMBER, "us-east-2", "dev-1", "CreateNodegroup").what());
    assertThat(((Go) home).targets()).containsExactly(new Target(HOME, "eu-west-1", null));
  }

  @Test
  void aDeferredLookTheConfigOrTheFunctionNoLongerTakesIsIgnored() {
    assertThat(route(SCHEDULER, look(HOME, "eu-west-1", "prod-1", "CreateNodegroup")))
        .isEqualTo(new Ignore("cluster prod-1 is not selected by targets.clusters"));
    assertThat(route(SCHEDULER, look("444455556666", "eu-west-1", "dev-1", "CreateNodegroup")))
        .isEqualTo(
            new Ignore("account 444455556666 in eu-west-1 is not among the configured targets"));
    assertThat(route(SCHEDULER, look(HOME, "eu-west-1", "dev-1", "CreateCluster")))
        .isEqualTo(new Ignore("fn does not look again at what CreateCluster names"));
    assertThat(route(SCHEDULER, look(HOME, "eu-west-1", null, "CreateNodegroup")))
        .isEqualTo(new Ignore("the message names no cluster"));
  }
}
