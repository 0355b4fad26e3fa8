package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The event path against moto: what each CloudTrail call leaves on the resource. */
class TagEnforcerEventsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  TagFleet seed;

  @BeforeEach
  void setUp() {
    seed = TagFleet.standard(aws);
  }

  @Test
  void createClusterGetsDefaultNormalizedValueAndCreatorAndOneViolation() {
    seed.cluster("dev-1", Map.of("env", "DEV"));

    Map<String, Object> report = seed.run(EventFiles.load("tagging-create-cluster.json"));

    assertThat(seed.clusterTags("dev-1"))
        .isEqualTo(Map.of("env", "dev", "cost-center", "0000", "created-by", "alice"));
    assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
    List<Map<String, Object>> violations = TagFleet.findings(report, "Tag Policy Violation");
    assertThat(violations).hasSize(1);
    assertThat(violations.get(0))
        .containsEntry("resource", "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1")
        .containsEntry("key", "team")
        .containsEntry("value", null)
        .containsEntry("rule", "required (allowed: [payments, search])");
    assertThat(TagFleet.list(report, "applied"))
        .singleElement()
        .satisfies(a -> assertThat(a).containsEntry("result", "applied"));
  }

  @Test
  void aBadValueProducesExactlyOneViolationEventAndNoChange() {
    Map<String, String> tags = new HashMap<>(GOOD);
    tags.put("team", "marketing");
    seed.cluster("dev-1", tags);

    Map<String, Object> report = seed.run(EventFiles.load("tagging-tag-resource.json"));

    assertThat(TagFleet.list(report, "findings"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("detailType", "Tag Policy Violation")
                    .containsEntry("key", "team")
                    .containsEntry("value", "marketing")
                    .containsEntry("rule", "allowed: [payments, search]"));
    @SuppressWarnings("unchecked")
    Map<String, Double> metrics = (Map<String, Double>) report.get("metrics");
    assertThat(metrics)
        .containsEntry("TagPolicyViolation", 1.0)
        .doesNotContainKey("AuditPublishFailed");
    assertThat(seed.recorder.calls()).containsOnlyOnce("events:PutEvents");
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(seed.clusterTags("dev-1")).isEqualTo(tags);
  }

  @Test
  void untagOfARequiredTagWithDefaultIsUndone() {
    seed.cluster("dev-1", GOOD);
    seed.eks.untagResource(
        r ->
            r.resourceArn("arn:aws:eks:eu-west-1:123456789012:cluster/dev-1")
                .tagKeys("cost-center"));

    Map<String, Object> report = seed.run(EventFiles.load("tagging-untag-resource.json"));

    assertThat(seed.clusterTags("dev-1")).containsEntry("cost-center", "0000").hasSize(3);
    assertThat(TagFleet.list(report, "applied"))
        .singleElement()
        .satisfies(a -> assertThat(a.get("reasons")).isEqualTo(Map.of("cost-center", "restored")));
    assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
  }

  @Test
  void failedCallChangesNothing() {
    seed.cluster("dev-1", Map.of());

    Map<String, Object> report = seed.run(EventFiles.load("tagging-failed-call.json"));

    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the call failed (ResourceInUseException); nothing changed");
    assertThat(seed.recorder.calls()).containsExactly("ssm:GetParameter");
    assertThat(seed.clusterTags("dev-1")).isEmpty();
  }

  /**
   * The chain: a create event makes one TagResource; the CloudTrail event that call produces is
   * recognised as ours; and even unrecognised it plans nothing, so it ends there.
   */
  @Test
  void theEventOfOurOwnTagResourceIsANoop() {
    String arn = seed.cluster("dev-1", Map.of("env", "DEV"));
    seed.runAsDeployed(EventFiles.load("tagging-create-cluster.json"));
    assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
    String ownAgent = seed.tagResourceAgents.get(0);
    assertThat(ownAgent).contains("eks-steward/tag-enforcer");
    Map<String, String> applied = seed.clusterTags("dev-1");
    seed.recorder.clear();

    Map<String, Object> ours =
        seed.runAsDeployed(ownTagResourceEvent(arn, applied, ownAgent, TagFleet.ROLE));
    assertThat(ours)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the call was made by tag-enforcer itself");
    assertThat(seed.recorder.mutations()).isEmpty();

    Map<String, Object> unrecognised =
        seed.runAsDeployed(
            ownTagResourceEvent(
                arn, applied, "aws-sdk-java/2.31.0", "arn:aws:iam::123456789012:role/x"));
    assertThat(unrecognised).containsEntry("status", "ok");
    assertThat(TagFleet.list(unrecognised, "planned")).isEmpty();
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(seed.clusterTags("dev-1")).isEqualTo(applied);
  }

  /** Needs moto's TagResource on node groups (local/moto/patches.py on branch local). */
  @Test
  void createNodegroupGetsTheRoleSessionAsCreator() {
    seed.cluster("dev-1", GOOD);
    seed.nodegroup("dev-1", "ng-a", Map.of("team", "payments", "env", "dev"));

    seed.run(EventFiles.load("tagging-create-nodegroup.json"));

    assertThat(seed.nodegroupTags("dev-1", "ng-a"))
        .containsEntry("created-by", "jane.doe@example.com")
        .containsEntry("cost-center", "0000");
    assertThat(seed.clusterTags("dev-1")).isEqualTo(GOOD);
  }

  /** Needs moto's TagResource on Fargate profiles (local/moto/patches.py on branch local). */
  @Test
  void createFargateProfileGetsTheRoleSessionAsCreator() {
    seed.cluster("dev-1", GOOD);
    seed.profile("dev-1", "team-a", Map.of("team", "search", "env", "dev", "cost-center", "1234"));

    seed.run(EventFiles.load("tagging-create-fargate-profile.json"));

    assertThat(seed.profileTags("dev-1", "team-a"))
        .isEqualTo(
            Map.of(
                "team",
                "search",
                "env",
                "dev",
                "cost-center",
                "1234",
                "created-by",
                "gitlab-ci-4711"));
  }

  /** What CloudTrail records for our TagResource call, delivered through EventBridge. */
  static Map<String, Object> ownTagResourceEvent(
      String arn, Map<String, String> tags, String userAgent, String roleArn) {
    Map<String, Object> detail = new HashMap<>();
    detail.put("eventSource", "eks.amazonaws.com");
    detail.put("eventName", "TagResource");
    detail.put("awsRegion", LocalAws.REGION);
    detail.put("userAgent", userAgent);
    detail.put(
        "userIdentity",
        Map.of(
            "type",
            "AssumedRole",
            "arn",
            "arn:aws:sts::123456789012:assumed-role/eks-steward-TagRole/tag-enforcer",
            "accountId",
            LocalAws.ACCOUNT,
            "sessionContext",
            Map.of("sessionIssuer", Map.of("type", "Role", "arn", roleArn))));
    detail.put(
        "requestParameters",
        Map.of("resourceArn", URLEncoder.encode(arn, StandardCharsets.UTF_8), "tags", tags));
    Map<String, Object> event = new HashMap<>();
    event.put("version", "0");
    event.put("detail-type", "AWS API Call via CloudTrail");
    event.put("source", "aws.eks");
    event.put("account", LocalAws.ACCOUNT);
    event.put("region", LocalAws.REGION);
    event.put("time", "2026-11-25T12:00:05Z");
    event.put("detail", detail);
    return event;
  }
}
