package dev.ekssteward.tagging.plan;

import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.event.CallerIdentity;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import dev.ekssteward.tagging.aws.AsgTags;
import dev.ekssteward.tagging.aws.ResourceRef;
import dev.ekssteward.tagging.aws.TaggedResource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan over a whole cluster: which resource gets which keys, ASGs, findings and counts. */
class TagPlannerTest {
  static final String CLUSTER_ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1";
  static final String NG_ARN = "arn:aws:eks:eu-west-1:123456789012:nodegroup/dev-1/ng-a/u1";

  static TaggedResource cluster(Map<String, String> tags) {
    return new TaggedResource(
        new ResourceRef("cluster", "dev-1", "dev-1", CLUSTER_ARN), tags, List.of(), "ACTIVE");
  }

  static TaggedResource nodegroup(Map<String, String> tags, List<String> asgs) {
    return new TaggedResource(
        new ResourceRef("nodegroup", "dev-1", "ng-a", NG_ARN), tags, asgs, "ACTIVE");
  }

  static ClusterTags observed(List<TaggedResource> resources, Map<String, AsgTags> asgs) {
    return new ClusterTags("dev-1", true, Map.of(), resources, asgs);
  }

  static final CallerIdentity JANE =
      new CallerIdentity(
          "AssumedRole",
          "arn:aws:sts::123456789012:assumed-role/platform-deployer/jane",
          null,
          "arn:aws:iam::123456789012:role/platform-deployer",
          null);

  @Test
  void aNormalizedValueIsAChangeADefaultIsNot() {
    Map<String, String> upper = Map.of("team", "payments", "cost-center", "1234", "env", "DEV");
    Map<String, String> noCostCenter = Map.of("team", "payments", "env", "dev");

    Plan plan =
        TagPlanner.plan(
            observed(List.of(cluster(upper), nodegroup(noCostCenter, List.of())), Map.of()),
            Policies.standard(),
            Selection.ALL);

    assertThat(plan.actions()).hasSize(2);
    assertThat(plan.reach()).isEqualTo(new Reach(2, 1, 0));
  }

  @Test
  void aResourceEksIsDeletingIsNeitherTaggedNorItsAsgs() {
    Map<String, String> noCostCenter = Map.of("team", "payments", "env", "dev");
    TaggedResource deleting =
        new TaggedResource(
            new ResourceRef("nodegroup", "dev-1", "ng-a", NG_ARN),
            noCostCenter,
            List.of("eks-ng-a"),
            "DELETING");

    Plan plan =
        TagPlanner.plan(
            observed(
                List.of(cluster(noCostCenter), deleting),
                Map.of("eks-ng-a", new AsgTags("eks-ng-a", "dev-1", Map.of(), 0))),
            Policies.standard(),
            Selection.ALL);

    assertThat(plan.actions())
        .extracting(a -> a.type() + " " + a.target())
        .containsExactly("TagResource " + CLUSTER_ARN, "Skip " + NG_ARN);
    assertThat(plan.actions().get(1).toJson())
        .isEqualTo(
            Map.of("type", "Skip", "target", NG_ARN, "reason", "status DELETING; not tagged"));
  }

  @Test
  void creatorGoesOnlyToTheResourceTheEventCreated() {
    Selection created =
        new Selection.One("CreateNodegroup", "nodegroup", "ng-a", null, true, JANE, List.of(), 0);

    Plan plan =
        TagPlanner.plan(
            observed(List.of(cluster(GOOD), nodegroup(GOOD, List.of())), Map.of()),
            Policies.standard(),
            created);

    assertThat(plan.actions())
        .containsExactly(
            new ApplyTags(
                NG_ARN,
                "nodegroup",
                Map.of("created-by", "jane"),
                Map.of("created-by", "creator"),
                true));
  }

  @Test
  void aTagCallNamesNoCreatorAndAnUntagCallTheKeysItRemoved() {
    Map<String, String> noCostCenter = Map.of("team", "payments", "env", "dev");
    Selection tagged =
        new Selection.One("TagResource", "nodegroup", "ng-a", NG_ARN, false, JANE, List.of(), 0);
    Selection untagged =
        new Selection.One(
            "UntagResource", "nodegroup", "ng-a", NG_ARN, false, JANE, List.of("cost-center"), 0);
    ClusterTags observed = observed(List.of(nodegroup(noCostCenter, List.of())), Map.of());

    Plan onTag = TagPlanner.plan(observed, Policies.standard(), tagged);
    Plan onUntag = TagPlanner.plan(observed, Policies.standard(), untagged);

    assertThat(onTag.actions())
        .containsExactly(
            new ApplyTags(
                NG_ARN,
                "nodegroup",
                Map.of("cost-center", "0000"),
                Map.of("cost-center", "default"),
                true));
    assertThat(onUntag.actions())
        .containsExactly(
            new ApplyTags(
                NG_ARN,
                "nodegroup",
                Map.of("cost-center", "0000"),
                Map.of("cost-center", "restored"),
                true));
  }

  @Test
  void violationIsOneFindingNamingResourceKeyValueAndRule() {
    Map<String, String> tags = new java.util.HashMap<>(GOOD);
    tags.put("team", "marketing");

    Plan plan =
        TagPlanner.plan(
            observed(List.of(cluster(tags)), Map.of()), Policies.standard(), Selection.ALL);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.findings()).hasSize(1);
    Finding f = plan.findings().get(0);
    assertThat(f.detailType()).isEqualTo("Tag Policy Violation");
    assertThat(f.target()).isEqualTo(CLUSTER_ARN);
    assertThat(f.detail())
        .containsEntry("resource", CLUSTER_ARN)
        .containsEntry("key", "team")
        .containsEntry("value", "marketing")
        .containsEntry("rule", "allowed: [payments, search]");
    assertThat(plan.metrics()).isEqualTo(Map.of("TagViolatingCluster", 1.0));
  }

  @Test
  void asgGetsOnlyTheMissingPropagatingKeysOfTheNodegroupAfterItsFixes() {
    Map<String, String> ngTags = Map.of("team", "payments", "env", "dev"); // cost-center defaulted
    AsgTags asg = new AsgTags("eks-ng-a-1", "dev-1", Map.of("other", "x"), 4);

    Plan plan =
        TagPlanner.plan(
            observed(List.of(nodegroup(ngTags, List.of("eks-ng-a-1"))), Map.of("eks-ng-a-1", asg)),
            Policies.standard(),
            Selection.ALL,
            false);

    assertThat(plan.actions())
        .containsExactly(
            new ApplyTags(
                NG_ARN,
                "nodegroup",
                Map.of("cost-center", "0000"),
                Map.of("cost-center", "default"),
                true),
            new PropagateToAsg("eks-ng-a-1", NG_ARN, Map.of("cost-center", "0000")));
    // Planned, not yet fixed: only the applied TagResource counts it (ApplyTags.outcomeMetrics).
    assertThat(plan.metrics()).isEqualTo(Map.of("TagFixPlannedNodegroup", 1.0));
  }

  @Test
  void aPlannedFixIsFixedAtPlanTimeOnlyInADryRunAndOnlyWhenItMakesTheResourceComply() {
    Map<String, String> noCostCenter = Map.of("team", "payments", "env", "dev");
    Map<String, String> alsoBadTeam = Map.of("team", "marketing", "env", "dev");
    ClusterTags observed =
        observed(List.of(cluster(noCostCenter), nodegroup(alsoBadTeam, List.of())), Map.of());

    Plan live = TagPlanner.plan(observed, Policies.standard(), Selection.ALL, false);
    Plan dryRun = TagPlanner.plan(observed, Policies.standard(), Selection.ALL, true);

    assertThat(live.metrics())
        .isEqualTo(Map.of("TagFixPlannedCluster", 1.0, "TagViolatingNodegroup", 1.0));
    assertThat(dryRun.metrics())
        .isEqualTo(
            Map.of(
                "TagFixPlannedCluster", 1.0,
                "TagFixedCluster", 1.0,
                "TagViolatingNodegroup", 1.0));
    assertThat(live.actions())
        .extracting(a -> ((ApplyTags) a).fixes())
        .containsExactly(true, false); // the node group's default leaves it violating
  }

  @Test
  void onlyAnAppliedTagResourceOfAFixCountsItFixed() {
    ApplyTags fix = new ApplyTags(NG_ARN, "nodegroup", Map.of("a", "b"), Map.of(), true);
    ApplyTags partial = new ApplyTags(NG_ARN, "nodegroup", Map.of("a", "b"), Map.of(), false);

    assertThat(Outcome.applied(fix).metricNames()).contains("TagFixedNodegroup");
    assertThat(Outcome.failed(fix, "refused").metricNames()).doesNotContain("TagFixedNodegroup");
    assertThat(Outcome.noop(fix, "gone: x").metricNames()).doesNotContain("TagFixedNodegroup");
    assertThat(Outcome.applied(partial).metricNames()).doesNotContain("TagFixedNodegroup");
  }

  @Test
  void aDefaultIsWrittenInThePolicysOwnFormAndSoTravelsToTheAsg() {
    TaggingConfig policy =
        Policies.config(
                """
                {"tagging": {"required": [{"key": "team", "allowed": ["payments"],
                  "normalize": "lower", "default": "Payments", "propagateToAsg": true}]}}
                """)
            .tagging();
    AsgTags asg = new AsgTags("eks-ng-a-1", "dev-1", Map.of(), 3);

    Plan plan =
        TagPlanner.plan(
            observed(
                List.of(nodegroup(Map.of(), List.of("eks-ng-a-1"))), Map.of("eks-ng-a-1", asg)),
            policy,
            Selection.ALL);

    assertThat(policy.required().get(0).defaultValue()).isEqualTo("payments");
    assertThat(plan.actions())
        .containsExactly(
            new ApplyTags(
                NG_ARN, "nodegroup", Map.of("team", "payments"), Map.of("team", "default"), true),
            new PropagateToAsg("eks-ng-a-1", NG_ARN, Map.of("team", "payments")));
  }

  @Test
  void aValueThePolicyRefusesNeverTravelsToTheAsg() {
    // Someone who may only tag the node group cannot push a value onto every instance.
    Map<String, String> ngTags = Map.of("team", "payments", "env", "dev", "cost-center", "12x4");
    AsgTags asg = new AsgTags("eks-ng-a-1", "dev-1", Map.of(), 3);

    Plan plan =
        TagPlanner.plan(
            observed(List.of(nodegroup(ngTags, List.of("eks-ng-a-1"))), Map.of("eks-ng-a-1", asg)),
            Policies.standard(),
            Selection.ALL);

    assertThat(plan.actions())
        .containsExactly(
            new Action.Skip(
                NG_ARN,
                "cost-center not propagated to the Auto Scaling groups: its value does not"
                    + " comply with the policy"));
    assertThat(plan.actions()).noneMatch(a -> a instanceof PropagateToAsg);
    assertThat(plan.findings()).extracting(f -> f.detailType()).contains("Tag Policy Violation");
  }

  @Test
  void asgAlreadyPropagatingTheValueNeedsNothing() {
    AsgTags asg = new AsgTags("eks-ng-a-1", "dev-1", Map.of("cost-center", "1234"), 3);

    Plan plan =
        TagPlanner.plan(
            observed(List.of(nodegroup(GOOD, List.of("eks-ng-a-1"))), Map.of("eks-ng-a-1", asg)),
            Policies.standard(),
            Selection.ALL);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.findings()).isEmpty();
  }

  @Test
  void asgNotThereYetIsReportedPending() {
    Plan missingAsg =
        TagPlanner.plan(
            observed(List.of(nodegroup(GOOD, List.of("eks-ng-a-1"))), Map.of()),
            Policies.standard(),
            Selection.ALL);
    Plan noAsgName =
        TagPlanner.plan(
            observed(List.of(nodegroup(GOOD, List.of())), Map.of()),
            Policies.standard(),
            Selection.ALL);

    assertThat(missingAsg.actions()).isEmpty();
    assertThat(missingAsg.findings())
        .extracting(Finding::detailType)
        .containsExactly("Tag Propagation Pending");
    assertThat(missingAsg.findings().get(0).detail())
        .containsEntry("autoScalingGroup", "eks-ng-a-1");
    assertThat(noAsgName.findings())
        .extracting(Finding::detailType)
        .containsExactly("Tag Propagation Pending");
  }

  @Test
  void asgOfAnotherClusterIsNeverTouched() {
    AsgTags foreign = new AsgTags("eks-ng-a-1", "prod-1", Map.of(), 3);

    Plan plan =
        TagPlanner.plan(
            observed(
                List.of(nodegroup(GOOD, List.of("eks-ng-a-1"))), Map.of("eks-ng-a-1", foreign)),
            Policies.standard(),
            Selection.ALL);

    assertThat(plan.actions())
        .containsExactly(new Action.Skip("eks-ng-a-1", "not tagged eks:cluster-name=dev-1"));
  }

  @Test
  void instancePropagationIsReportedAsNotDone() {
    TaggingConfig policy =
        Policies.config(
                Policies.STANDARD_JSON.replace(
                    "\"exemptClusters\"", "\"propagateToInstances\": true, \"exemptClusters\""))
            .tagging();
    AsgTags asg = new AsgTags("eks-ng-a-1", "dev-1", Map.of("cost-center", "1234"), 3);

    Plan plan =
        TagPlanner.plan(
            observed(List.of(nodegroup(GOOD, List.of("eks-ng-a-1"))), Map.of("eks-ng-a-1", asg)),
            policy,
            Selection.ALL);

    assertThat(plan.actions())
        .containsExactly(new Action.Skip(NG_ARN, AsgPropagation.INSTANCES_NOT_DONE));
  }

  @Test
  void exemptClusterIsSkippedAndCounted() {
    ClusterTags sandbox = new ClusterTags("sandbox-1", true, Map.of(), List.of(), Map.of());

    Plan plan = TagPlanner.plan(sandbox, Policies.standard(), Selection.ALL);

    assertThat(plan.actions())
        .containsExactly(new Action.Skip("cluster/sandbox-1", "exempt by tagging.exemptClusters"));
    assertThat(plan.metrics()).isEqualTo(Map.of("TagExemptClusters", 1.0));
  }

  @Test
  void excludeTagTakesTheClusterOut() {
    ClusterTags excluded =
        new ClusterTags(
            "dev-1",
            true,
            Map.of("eks-steward/exclude", "true"),
            List.of(cluster(Map.of())),
            Map.of());

    Plan plan = TagPlanner.plan(excluded, Policies.standard(), Selection.ALL);

    assertThat(plan.actions())
        .containsExactly(new Action.Skip("cluster/dev-1", "eks-steward/exclude=true"));
    assertThat(plan.findings()).isEmpty();
    assertThat(plan.metrics()).isEqualTo(Map.of("TagExcludedClusters", 1.0));
  }

  @Test
  void anExcludedNodegroupIsSkippedWithItsAsgsAndCountedAsExcluded() {
    Map<String, String> tags = new java.util.HashMap<>(Map.of("team", "payments", "env", "DEV"));
    tags.put("eks-steward/exclude", "True");
    AsgTags asg = new AsgTags("eks-ng-a-1", "dev-1", Map.of(), 3);
    Selection created =
        new Selection.One("CreateNodegroup", "nodegroup", "ng-a", null, true, JANE, List.of(), 0);

    for (Selection selection : List.of(Selection.ALL, created)) {
      Plan plan =
          TagPlanner.plan(
              observed(
                  List.of(cluster(GOOD), nodegroup(tags, List.of("eks-ng-a-1"))),
                  Map.of("eks-ng-a-1", asg)),
              Policies.standard(),
              selection,
              false);

      assertThat(plan.actions())
          .containsExactly(new Action.Skip(NG_ARN, "eks-steward/exclude=true"));
      assertThat(plan.findings()).isEmpty();
      assertThat(plan.metrics())
          .isEqualTo(Map.of("TagCompliantCluster", 1.0, "TagExcludedNodegroups", 1.0));
    }
  }

  @Test
  void summaryCountsEveryTypeOfThePolicy() {
    Finding summary =
        ComplianceSummary.of(
            Policies.standard(),
            Map.of(
                "TagFixPlannedCluster", 3.0,
                "TagFixedCluster", 2.0,
                "TagCompliantNodegroup", 3.0,
                "Noop", 7.0),
            false);

    assertThat(summary.detailType()).isEqualTo("Tag Compliance Summary");
    assertThat(summary.detail().get("compliance"))
        .isEqualTo(
            Map.of(
                "cluster", Map.of("compliant", 0L, "fixed", 2L, "unfixed", 1L, "violating", 0L),
                "nodegroup", Map.of("compliant", 3L, "fixed", 0L, "unfixed", 0L, "violating", 0L),
                "fargateprofile",
                    Map.of("compliant", 0L, "fixed", 0L, "unfixed", 0L, "violating", 0L)));
    assertThat(summary.detail())
        .containsKey("unfixedMeans")
        .containsEntry("excludedNodegroups", 0L);
  }

  @Test
  void aDryRunSummaryCountsWhatWouldBeFixedAndNothingUnfixed() {
    Finding summary =
        ComplianceSummary.of(
            Policies.standard(), Map.of("TagFixPlannedCluster", 1.0, "TagFixedCluster", 1.0), true);

    assertThat(summary.detail().get("compliance"))
        .isEqualTo(
            Map.of(
                "cluster", Map.of("compliant", 0L, "fixed", 1L, "violating", 0L),
                "nodegroup", Map.of("compliant", 0L, "fixed", 0L, "violating", 0L),
                "fargateprofile", Map.of("compliant", 0L, "fixed", 0L, "violating", 0L)));
    assertThat(summary.detail())
        .containsEntry("fixedMeans", "would be fixed (dry-run)")
        .doesNotContainKey("unfixedMeans");
  }
}
