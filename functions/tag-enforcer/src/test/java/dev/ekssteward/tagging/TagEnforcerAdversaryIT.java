package dev.ekssteward.tagging;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static dev.ekssteward.shared.testing.seed.NodegroupSeed.nodegroup;
import static dev.ekssteward.tagging.TagEnforcerReliabilityIT.TICK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.tagging.plan.Policies;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * The threat model's rows for the tag enforcer (docs/security.md), each against a fleet that needs
 * changes, so a run that did nothing would fail the test: dev-1 is tagged {@code env=DEV} and has
 * no cost-center, which the standard policy fixes.
 */
class TagEnforcerAdversaryIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, String> FIXED = Map.of("env", "dev", "cost-center", "0000");
  private static final String INTRUDER = "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/intruder";
  private static final String OUR_AGENT = "aws-sdk-java/2.31.0 ua/2.1 eks-steward/tag-enforcer";

  TagFleet seed;
  String arn;

  @BeforeEach
  void fleetThatNeedsChanges() {
    seed = TagFleet.standard(aws);
    arn = seed.cluster("dev-1", Map.of("env", "DEV"));
  }

  /** Row: any EKS call sending the steward's user agent so its change goes unseen. */
  @Test
  void ourUserAgentFromAnotherRoleIsActedOnOnlyOurRoleIsIgnored() {
    Map<String, Object> ours =
        seed.runAsDeployed(
            TagEnforcerEventsIT.ownTagResourceEvent(
                arn, Map.of("env", "DEV"), OUR_AGENT, TagFleet.ROLE));
    assertThat(ours).containsEntry("reason", "the call was made by tag-enforcer itself");
    assertThat(seed.clusterTags("dev-1")).isEqualTo(Map.of("env", "DEV"));

    Map<String, Object> spoofed =
        seed.runAsDeployed(
            TagEnforcerEventsIT.ownTagResourceEvent(
                arn, Map.of("env", "DEV"), OUR_AGENT, INTRUDER));

    assertThat(spoofed).containsEntry("status", "ok");
    assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
    assertThat(seed.clusterTags("dev-1")).containsAllEntriesOf(FIXED);
  }

  /** Row: a node group value the policy refuses must not travel to the ASG and its instances. */
  @Test
  void onlyValuesThePolicyAcceptsTravelToTheAsg() {
    seed.seed(
        FleetSeed.fleet()
            .cluster(
                cluster("dev-2")
                    .tags(Map.of("team", "search", "env", "dev", "cost-center", "1234"))
                    .nodegroup(
                        nodegroup("good")
                            .tags(Map.of("team", "search", "env", "dev", "cost-center", "4321"))
                            .autoScalingGroup(TagFleet.clusterTag("dev-2")))
                    .nodegroup(
                        nodegroup("forged")
                            .tags(
                                Map.of(
                                    "team", "search", "env", "dev", "cost-center", "$(curl evil)"))
                            .autoScalingGroup(TagFleet.clusterTag("dev-2")))));

    Map<String, Object> report = seed.run(TICK);

    assertThat(report).containsEntry("status", "ok");
    assertThat(asgTag("good", "cost-center")).isEqualTo("4321");
    assertThat(asgTag("forged", "cost-center")).isNull();
    assertThat(TagFleet.findings(report, "Tag Policy Violation"))
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("key", "cost-center")
                    .containsEntry("value", "$(curl evil)"));
    assertThat(seed.clusterTags("dev-1")).containsAllEntriesOf(FIXED);
  }

  /** Row: a tag-policy pattern that backtracks for hours in java.util.regex. */
  @Test
  void aBacktrackingPatternMatchesInLinearTimeAndTheSweepGoesOn() {
    String policy =
        Policies.STANDARD_JSON.replace(
            "{\"key\": \"team\", \"allowed\": [\"payments\", \"search\"]}",
            "{\"key\": \"team\", \"pattern\": \"^(.*a){12}$\"}");
    assertThat(policy).contains("^(.*a){12}$");
    seed.config(policy);
    seed.cluster("dev-3", Map.of("team", "a".repeat(47) + "b", "env", "dev", "cost-center", "1"));

    Map<String, Object> report =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> seed.run(TICK));

    assertThat(report).containsEntry("status", "ok");
    assertThat(TagFleet.findings(report, "Tag Policy Violation"))
        .anySatisfy(
            f ->
                assertThat(f)
                    .containsEntry("key", "team")
                    .containsEntry("rule", "pattern: ^(.*a){12}$"));
    assertThat(seed.clusterTags("dev-1")).containsAllEntriesOf(FIXED);
  }

  /** Row: a number in the config that would take the heap while the error is built. */
  @Test
  void anOverflowingNumberRefusesTheConfigNamingTheFieldAndChangesNothing() {
    String doc =
        Policies.STANDARD_JSON.replaceFirst(
            "\\{\"tagging\"", "{\"scheduler\": {\"gracePeriodMinutes\": 1e999999999}, \"tagging\"");
    assertThat(doc).contains("1e999999999");
    seed.config(doc);

    Map<String, Object> report =
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> seed.run(TICK));

    assertThat((String) report.get("reason"))
        .startsWith("invalid /eks-steward/config")
        .contains("$.scheduler.gracePeriodMinutes: must be between 0 and 10080");
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(seed.clusterTags("dev-1")).isEqualTo(Map.of("env", "DEV"));
  }

  /** Row: a policy that would default a steward state key (a size record by default value). */
  @Test
  void aPolicyThatDefaultsAStewardKeyIsRefusedAndChangesNothing() {
    seed.config(
        """
        {"tagging": {"required": [
          {"key": "env", "allowed": ["dev"], "normalize": "lower"},
          {"key": "eks-steward/original-scaling", "default": "400-400-450@2026-11-25T18:05Z"}]}}
        """);

    Map<String, Object> report = seed.run(TICK);

    assertThat((String) report.get("reason"))
        .startsWith("invalid /eks-steward/config")
        .contains("keys under eks-steward/ are reserved for eks-steward's own tags");
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(seed.clusterTags("dev-1")).isEqualTo(Map.of("env", "DEV"));
  }

  private String asgTag(String nodegroup, String key) {
    String asg =
        seed.eks
            .describeNodegroup(r -> r.clusterName("dev-2").nodegroupName(nodegroup))
            .nodegroup()
            .resources()
            .autoScalingGroups()
            .get(0)
            .name();
    List<TagDescription> tags = seed.asgTags(asg);
    return tags.stream()
        .filter(t -> t.key().equals(key))
        .map(TagDescription::value)
        .findFirst()
        .orElse(null);
  }
}
