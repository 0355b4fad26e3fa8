package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallerIdentity;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Routing.Go;
import dev.ekssteward.shared.event.Routing.Ignore;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Targets;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.tagging.plan.Policies;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Where the shared routing sends every sample event of this function under its declared triggers:
 * the one resource each call names (from the response, else the request, else the ARN), its creator
 * and removed keys; and the unified reasons for what it ignores.
 */
class EventRoutingTest {
  static final StewardConfig CONFIG = Policies.config(Policies.STANDARD_JSON);
  static final String ACCOUNT = "123456789012";
  static final String ROLE = "arn:aws:iam::123456789012:role/eks-steward-TagEnforcerRole";
  static final Target HOME = new Target(ACCOUNT, "eu-west-1", null);

  static Routing.Route route(Map<String, Object> event, StewardConfig config) {
    return new Routing(TagEnforcer.NAME, TaggingTriggers.declared(), "/eks-steward", ROLE)
        .route(
            Deliveries.read(event),
            config,
            new Targets("eu-west-1", ACCOUNT, "aws", TagEnforcer.NAME));
  }

  static Go go(String file) {
    Routing.Route route = route(EventFiles.load(file), CONFIG);
    assertThat(route).as(file).isInstanceOf(Go.class);
    Go go = (Go) route;
    assertThat(go.targets()).containsExactly(HOME);
    assertThat(go.cluster()).isEqualTo("dev-1");
    return go;
  }

  static String ignored(Map<String, Object> event, StewardConfig config) {
    Routing.Route route = route(event, config);
    assertThat(route).isInstanceOf(Ignore.class);
    return ((Ignore) route).reason();
  }

  @Test
  void createClusterNamesTheClusterFromTheResponseAndItsIamUser() {
    assertThat(go("tagging-create-cluster.json").selection())
        .isEqualTo(
            new Selection.One(
                "CreateCluster",
                "cluster",
                "dev-1",
                "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1",
                true,
                new CallerIdentity(
                    "IAMUser", "arn:aws:iam::123456789012:user/alice", "alice", null, null),
                List.of(),
                0));
  }

  @Test
  void createNodegroupAndProfileNameTheResourceAndTheRoleSession() {
    Selection.One ng = (Selection.One) go("tagging-create-nodegroup.json").selection();
    Selection.One profile = (Selection.One) go("tagging-create-fargate-profile.json").selection();

    assertThat(List.of(ng.kind(), ng.name(), ng.created()))
        .containsExactly("nodegroup", "ng-a", true);
    assertThat(ng.arn()).startsWith("arn:aws:eks:eu-west-1:123456789012:nodegroup/dev-1/ng-a/");
    assertThat(ng.caller().sessionName()).isEqualTo("jane.doe@example.com");
    assertThat(List.of(profile.kind(), profile.name(), profile.created()))
        .containsExactly("fargateprofile", "team-a", true);
    assertThat(profile.caller().sessionName()).isEqualTo("gitlab-ci-4711");
  }

  @Test
  void withoutAResponseTheRequestNamesTheProfile() {
    Map<String, Object> event =
        EventFiles.withDetail("tagging-create-fargate-profile.json", "responseElements", null);

    Selection.One one = (Selection.One) ((Go) route(event, CONFIG)).selection();

    assertThat(List.of(one.kind(), one.name())).containsExactly("fargateprofile", "team-a");
    assertThat(one.arn()).isNull();
  }

  @Test
  void tagAndUntagUrlDecodeTheArnAndOnlyUntagNamesKeys() {
    Selection.One tag = (Selection.One) go("tagging-tag-resource.json").selection();
    Selection.One untag = (Selection.One) go("tagging-untag-resource.json").selection();

    assertThat(tag.arn()).isEqualTo("arn:aws:eks:eu-west-1:123456789012:cluster/dev-1");
    assertThat(List.of(tag.kind(), tag.name(), tag.created()))
        .containsExactly("cluster", "dev-1", false);
    assertThat(tag.keys()).isEmpty();
    assertThat(untag.keys()).containsExactly("cost-center");
    assertThat(untag.created()).isFalse();
  }

  @Test
  void scheduleTickSweepsEveryClusterOfTheTarget() {
    Routing.Route route = route(EventFiles.load("schedule-tick.json"), CONFIG);

    assertThat(route).isEqualTo(new Go(List.of(HOME), null, Selection.ALL));
  }

  @Test
  void failedCallsAreIgnoredWithTheSharedReason() {
    assertThat(ignored(EventFiles.load("tagging-failed-call.json"), CONFIG))
        .isEqualTo("the call failed (ResourceInUseException); nothing changed");
  }

  @Test
  void ourOwnCallsAreRecognisedByRoleNeverByUserAgent() {
    assertThat(
            route(
                tagResourceBy("aws-sdk-java/2.31.0 ua/2.1 eks-steward/tag-enforcer", null), CONFIG))
        .isInstanceOf(Go.class);
    assertThat(ignored(tagResourceBy("aws-sdk-java/2.31.0", ROLE), CONFIG))
        .isEqualTo("the call was made by tag-enforcer itself");
  }

  @Test
  void otherStewardFunctionsAreSubjectToThePolicy() {
    Routing.Route route =
        route(
            tagResourceBy(
                "aws-sdk-java/2.31.0 eks-steward/fargate-profile-reconciler",
                "arn:aws:iam::123456789012:role/eks-steward-FargateRole"),
            CONFIG);

    assertThat(route).isInstanceOf(Go.class);
  }

  @Test
  void resourceTypesOutsideThePolicyAreIgnored() {
    StewardConfig clustersOnly =
        Policies.config("{\"tagging\": {\"resourceTypes\": [\"cluster\"]}}");

    assertThat(ignored(EventFiles.load("tagging-create-nodegroup.json"), clustersOnly))
        .isEqualTo("nodegroup is not in tagging.resourceTypes");
  }

  @Test
  void clustersOutsideTheTargetsAreIgnored() {
    StewardConfig devOnly =
        Policies.config("{\"targets\": {\"clusters\": {\"exclude\": [\"dev-*\"]}}}");

    assertThat(ignored(EventFiles.load("tagging-create-cluster.json"), devOnly))
        .isEqualTo("cluster dev-1 is not selected by targets.clusters");
  }

  @Test
  void callsNamingNoTaggableResourceAreIgnored() {
    Map<String, Object> addon =
        EventFiles.withDetail(
            "tagging-tag-resource.json",
            "requestParameters",
            Map.of("resourceArn", "arn:aws:eks:eu-west-1:123456789012:addon/dev-1/vpc-cni/abc"));
    Map<String, Object> nameless =
        EventFiles.withDetail(
            "tagging-create-nodegroup.json", "requestParameters", Map.of("name", "dev-1"));
    Map<String, Object> clusterless =
        EventFiles.withDetail("tagging-create-cluster.json", "requestParameters", Map.of());

    assertThat(ignored(addon, CONFIG))
        .isEqualTo("the call names no cluster, node group or Fargate profile");
    assertThat(ignored(withoutResponse(nameless), CONFIG))
        .isEqualTo("the event names no nodegroup");
    assertThat(ignored(withoutResponse(clusterless), CONFIG))
        .isEqualTo("the event names no cluster");
  }

  @Test
  void otherTriggersAreNotOurs() {
    Map<String, Object> wake =
        Map.of(
            "source", "eks-steward.requests",
            "detail-type", "Wake Request",
            "detail", Map.of("cluster", "dev-1"));
    Map<String, Object> describe =
        EventFiles.withDetail("tagging-tag-resource.json", "eventName", "DescribeCluster");

    assertThat(ignored(wake, CONFIG)).isEqualTo("tag-enforcer does not act on wake requests");
    assertThat(ignored(describe, CONFIG))
        .isEqualTo("not a call tag-enforcer acts on: eks.amazonaws.com DescribeCluster");
  }

  @Test
  void callsFromAccountsOutsideTheTargetsAreIgnored() {
    Map<String, Object> event = new HashMap<>(EventFiles.load("tagging-tag-resource.json"));
    event.put("account", "999999999999");

    assertThat(ignored(event, CONFIG))
        .isEqualTo("account 999999999999 in eu-west-1 is not among the configured targets");
  }

  private static Map<String, Object> withoutResponse(Map<String, Object> event) {
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
    detail.put("responseElements", null);
    Map<String, Object> copy = new HashMap<>(event);
    copy.put("detail", detail);
    return copy;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tagResourceBy(String userAgent, String roleArn) {
    Map<String, Object> event =
        EventFiles.withDetail("tagging-tag-resource.json", "userAgent", userAgent);
    if (roleArn != null) {
      Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
      detail.put(
          "userIdentity",
          Map.of(
              "type", "AssumedRole",
              "arn", "arn:aws:sts::123456789012:assumed-role/x/session",
              "sessionContext", Map.of("sessionIssuer", Map.of("type", "Role", "arn", roleArn))));
      event.put("detail", detail);
    }
    return event;
  }
}
