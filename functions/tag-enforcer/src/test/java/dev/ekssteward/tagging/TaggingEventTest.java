package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.TriggerParser;
import dev.ekssteward.shared.testing.EventFiles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Resource identity, creator and removed keys, read from the sample CloudTrail events. */
class TaggingEventTest {

  static CloudTrailCall call(String file) {
    return (CloudTrailCall) TriggerParser.parse(EventFiles.load(file));
  }

  @Test
  void createClusterNamesTheClusterFromResponseElementsAndTheIamUser() {
    TaggingEvent e = TaggingEvent.of(call("tagging-create-cluster.json"));

    assertThat(e.resource())
        .isEqualTo(
            new ResourceRef(
                "cluster", "dev-1", "dev-1", "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1"));
    assertThat(e.creator()).isEqualTo("alice");
    assertThat(e.isCreate()).isTrue();
  }

  @Test
  void createNodegroupNamesTheRoleSession() {
    TaggingEvent e = TaggingEvent.of(call("tagging-create-nodegroup.json"));

    assertThat(e.resource().type()).isEqualTo("nodegroup");
    assertThat(e.resource().cluster()).isEqualTo("dev-1");
    assertThat(e.resource().name()).isEqualTo("ng-a");
    assertThat(e.resource().arn())
        .startsWith("arn:aws:eks:eu-west-1:123456789012:nodegroup/dev-1/ng-a/");
    assertThat(e.creator()).isEqualTo("jane.doe@example.com");
  }

  @Test
  void createFargateProfileFallsBackToRequestParametersWithoutResponse() {
    Map<String, Object> event = EventFiles.load("tagging-create-fargate-profile.json");
    @SuppressWarnings("unchecked")
    Map<String, Object> detail = new HashMap<>((Map<String, Object>) event.get("detail"));
    detail.put("responseElements", null);
    Map<String, Object> copy = new HashMap<>(event);
    copy.put("detail", detail);

    TaggingEvent e = TaggingEvent.of((CloudTrailCall) TriggerParser.parse(copy));

    assertThat(e.resource()).isEqualTo(new ResourceRef("fargateprofile", "dev-1", "team-a", null));
    assertThat(e.creator()).isEqualTo("gitlab-ci-4711");
  }

  @Test
  void tagAndUntagUrlDecodeTheResourceArnAndRecordNoCreator() {
    TaggingEvent tag = TaggingEvent.of(call("tagging-tag-resource.json"));
    TaggingEvent untag = TaggingEvent.of(call("tagging-untag-resource.json"));

    assertThat(tag.resource().arn()).isEqualTo("arn:aws:eks:eu-west-1:123456789012:cluster/dev-1");
    assertThat(tag.creator()).isNull();
    assertThat(untag.resource().cluster()).isEqualTo("dev-1");
    assertThat(untag.removed()).isEqualTo(List.of("cost-center"));
  }

  @Test
  void arnsOfOtherEksResourcesNameNothing() {
    assertThat(ResourceRef.fromArn("arn:aws:eks:eu-west-1:1:addon/dev-1/vpc-cni/abc")).isNull();
    assertThat(ResourceRef.fromArn("arn:aws:iam::1:role/x")).isNull();
    assertThat(ResourceRef.fromArn("arn:aws:eks:eu-west-1:1:nodegroup/dev-1/ng-a/uuid"))
        .isEqualTo(
            new ResourceRef(
                "nodegroup", "dev-1", "ng-a", "arn:aws:eks:eu-west-1:1:nodegroup/dev-1/ng-a/uuid"));
  }
}
