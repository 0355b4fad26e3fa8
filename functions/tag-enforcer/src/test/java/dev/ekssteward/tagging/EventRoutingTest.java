package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.TriggerParser;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.testing.EventFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the controller routes every sample event of this function (and the schedule tick). */
class EventRoutingTest {
  private static final StewardConfig CONFIG = Policies.config(Policies.STANDARD_JSON);
  private static final String ROLE = "arn:aws:iam::123456789012:role/eks-steward-TagEnforcerRole";
  private final TagEnforcer enforcer =
      new TagEnforcer(
          new Settings("/eks-steward", false, null, "eu-west-1", null, ROLE), null, null, null);

  private String route(String file) {
    return enforcer.ignoreReason(TriggerParser.parse(EventFiles.load(file)), CONFIG);
  }

  @Test
  void everySampleOfThisFunctionIsRoutedAsExpected() throws Exception {
    Map<String, String> expected =
        Map.of(
            "tagging-create-cluster.json", "cluster/dev-1",
            "tagging-create-nodegroup.json", "nodegroup/dev-1/ng-a",
            "tagging-create-fargate-profile.json", "fargateprofile/dev-1/team-a",
            "tagging-tag-resource.json", "cluster/dev-1",
            "tagging-untag-resource.json", "cluster/dev-1");
    List<String> files =
        EventFiles.all().stream()
            .map(Path::getFileName)
            .map(Path::toString)
            .filter(n -> n.startsWith("tagging-"))
            .toList();
    assertThat(files).containsAll(expected.keySet()).contains("tagging-failed-call.json");

    for (var e : expected.entrySet()) {
      Trigger t = TriggerParser.parse(EventFiles.load(e.getKey()));
      assertThat(enforcer.ignoreReason(t, CONFIG)).as(e.getKey()).isNull();
      var scopes = enforcer.scopes(t, CONFIG, new Target("123456789012", "eu-west-1", null));
      assertThat(scopes).as(e.getKey()).hasSize(1);
      assertThat(scopes.get(0).cluster()).isEqualTo("dev-1");
      assertThat(TaggingEvent.of((Trigger.CloudTrailCall) t).resource().toString())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void failedCallsAreSkipped() {
    assertThat(route("tagging-failed-call.json"))
        .isEqualTo("the call failed (ResourceInUseException); nothing was created or changed");
  }

  @Test
  void scheduleTickSweeps() {
    assertThat(route("schedule-tick.json")).isNull();
  }

  @Test
  void resourceTypesOutsideThePolicyAreIgnored() {
    StewardConfig clustersOnly =
        Policies.config("{\"tagging\": {\"resourceTypes\": [\"cluster\"]}}");
    Trigger t = TriggerParser.parse(EventFiles.load("tagging-create-nodegroup.json"));

    assertThat(enforcer.ignoreReason(t, clustersOnly))
        .isEqualTo("nodegroup is not in tagging.resourceTypes");
  }

  @Test
  void otherEventsAreNotOurs() {
    Trigger wake =
        TriggerParser.parse(
            Map.of(
                "source", "eks-steward.requests",
                "detail-type", "Wake Request",
                "detail", Map.of("cluster", "dev-1")));

    assertThat(enforcer.ignoreReason(wake, CONFIG))
        .isEqualTo("tag-enforcer handles schedule ticks and EKS CloudTrail events, not wake");
  }

  @Test
  void ourOwnCallsAreRecognisedByUserAgentOrRole() {
    assertThat(route(tagResourceBy("aws-sdk-java/2.31.0 ua/2.1 eks-steward/tag-enforcer", null)))
        .isEqualTo("our own TagResource call; the policy already holds after it");
    assertThat(route(tagResourceBy("aws-sdk-java/2.31.0", ROLE)))
        .isEqualTo("our own TagResource call; the policy already holds after it");
  }

  @Test
  void otherStewardFunctionsAreSubjectToThePolicy() {
    assertThat(
            route(
                tagResourceBy(
                    "aws-sdk-java/2.31.0 eks-steward/fargate-profile-reconciler",
                    "arn:aws:iam::123456789012:role/eks-steward-FargateRole")))
        .isNull();
  }

  private String route(Map<String, Object> event) {
    return enforcer.ignoreReason(TriggerParser.parse(event), CONFIG);
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> tagResourceBy(String userAgent, String roleArn) {
    Map<String, Object> event =
        new java.util.HashMap<>(EventFiles.load("tagging-tag-resource.json"));
    Map<String, Object> detail = new java.util.HashMap<>((Map<String, Object>) event.get("detail"));
    detail.put("userAgent", userAgent);
    if (roleArn != null) {
      detail.put(
          "userIdentity",
          Map.of(
              "type", "AssumedRole",
              "arn", "arn:aws:sts::123456789012:assumed-role/x/session",
              "sessionContext", Map.of("sessionIssuer", Map.of("type", "Role", "arn", roleArn))));
    }
    event.put("detail", detail);
    return event;
  }
}
