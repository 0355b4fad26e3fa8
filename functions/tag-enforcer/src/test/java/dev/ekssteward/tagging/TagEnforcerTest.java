package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallerIdentity;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.tagging.apply.ApplyTagsExecutor;
import dev.ekssteward.tagging.apply.PropagateToAsgExecutor;
import dev.ekssteward.tagging.aws.FakeTaggingApi;
import dev.ekssteward.tagging.aws.FakeTaggingApi.AsgTag;
import dev.ekssteward.tagging.plan.ApplyTags;
import dev.ekssteward.tagging.plan.Policies;
import dev.ekssteward.tagging.plan.PropagateToAsg;
import dev.ekssteward.tagging.plan.TaggingAction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The controller and its executors over the in-memory EKS: what a scope observes, plans and
 * changes, pass after pass, without the pipeline or moto.
 */
class TagEnforcerTest {
  static final StewardConfig CONFIG = Policies.config(Policies.STANDARD_JSON);
  static final Target HOME = Target.home(FakeTaggingApi.REGION);

  final FakeTaggingApi eks = new FakeTaggingApi();
  final TagEnforcer enforcer =
      new TagEnforcer(new Settings("/eks-steward", false, null, "eu-west-1", null, null), eks);
  final ApplyTagsExecutor applyTags = new ApplyTagsExecutor(eks);
  final PropagateToAsgExecutor propagate = new PropagateToAsgExecutor(eks);

  /** One scope's pass: observe, plan, and carry out every mutating action. */
  Plan pass(String cluster, Selection selection) {
    Scope scope = new Scope(HOME, cluster, selection);
    Plan plan =
        enforcer.plan(scope, enforcer.observe(scope, CONFIG), CONFIG, Instant.EPOCH, List.of());
    for (Action a : plan.actions()) {
      if (a.mutates()) {
        assertThat(execute((TaggingAction) a)).as(a.toString()).isInstanceOf(Result.Done.class);
      }
    }
    return plan;
  }

  Result execute(TaggingAction action) {
    return action instanceof ApplyTags a
        ? applyTags.execute(HOME, a)
        : propagate.execute(HOME, (PropagateToAsg) action);
  }

  List<Plan> sweep() {
    List<Plan> plans = new ArrayList<>();
    for (String cluster : enforcer.clusters(HOME)) {
      plans.add(pass(cluster, Selection.ALL));
    }
    return plans;
  }

  @Test
  void aSweepFixesEveryResourceOnceAndThenPlansNothing() {
    eks.addCluster("dev-1", Map.of("team", "search", "env", "Prod"));
    eks.addCluster("dev-2", GOOD);
    String asg = eks.addNodegroup("dev-2", "ng-a", Map.of("team", "payments", "env", "dev"));
    eks.addAsg(asg, "dev-2");
    eks.addProfile("dev-2", "team-a", Map.of("team", "search", "env", "DEV", "cost-center", "1"));
    eks.addCluster("sandbox-1", Map.of());

    sweep();

    assertThat(eks.clusterTags("dev-1"))
        .isEqualTo(Map.of("team", "search", "env", "prod", "cost-center", "0000"));
    assertThat(eks.nodegroupTags("dev-2", "ng-a"))
        .isEqualTo(Map.of("team", "payments", "env", "dev", "cost-center", "0000"));
    assertThat(eks.asgTags(asg)).containsEntry("cost-center", new AsgTag("0000", true)).hasSize(2);
    assertThat(eks.profileTags("dev-2", "team-a"))
        .isEqualTo(Map.of("team", "search", "env", "dev", "cost-center", "1"));
    assertThat(eks.clusterTags("sandbox-1")).isEmpty();
    assertThat(eks.mutations())
        .containsExactlyInAnyOrder(
            "eks:TagResource",
            "eks:TagResource",
            "eks:TagResource",
            "autoscaling:CreateOrUpdateTags");

    List<Plan> again = sweep();

    assertThat(again).allSatisfy(p -> assertThat(p.actions()).noneMatch(Action::mutates));
    assertThat(again.get(1).findings())
        .extracting(Finding::detailType)
        .containsExactly("Tag Policy Violation"); // the profile's cost-center "1"
  }

  @Test
  void aCreateCallReadsOnlyTheResourceItNamesAndRecordsItsCreator() {
    eks.addCluster("dev-1", Map.of());
    eks.addNodegroup("dev-1", "ng-a", GOOD);
    eks.addNodegroup("dev-1", "ng-b", Map.of());
    CallerIdentity jane =
        new CallerIdentity(
            "AssumedRole", "arn:aws:sts::1:assumed-role/deployer/jane", null, null, null);

    pass(
        "dev-1",
        new Selection.One("CreateNodegroup", "nodegroup", "ng-a", null, true, jane, List.of(), 0));

    assertThat(eks.calls())
        .containsExactly(
            "eks:DescribeCluster",
            "eks:DescribeNodegroup",
            "autoscaling:DescribeAutoScalingGroups",
            "eks:TagResource");
    assertThat(eks.nodegroupTags("dev-1", "ng-a")).containsEntry("created-by", "jane");
    assertThat(eks.nodegroupTags("dev-1", "ng-b")).isEmpty();
    assertThat(eks.clusterTags("dev-1")).isEmpty();
  }

  @Test
  void aClusterGoneBeforeTheReadIsSkipped() {
    Plan plan = pass("gone-1", Selection.ALL);

    assertThat(plan.actions())
        .containsExactly(new Action.Skip("cluster/gone-1", "cluster not found"));
  }

  @Test
  void executorsAnswerNotFoundForWhatIsGoneAndAuditWhatTheyChanged() {
    String arn = eks.addCluster("dev-1", Map.of());
    ApplyTags apply =
        new ApplyTags(
            arn, "cluster", Map.of("cost-center", "0000"), Map.of("cost-center", "default"), true);

    Result done = applyTags.execute(HOME, apply);
    eks.deleteCluster("dev-1");

    assertThat(done).isInstanceOf(Result.Done.class);
    Result.Done d = (Result.Done) done;
    assertThat(d.events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.detailType()).isEqualTo("Tags Applied");
              assertThat(e.resources()).containsExactly(arn);
              assertThat(e.detail())
                  .containsExactly(
                      Map.entry("resource", arn),
                      Map.entry("resourceType", "cluster"),
                      Map.entry("tags", Map.of("cost-center", "0000")),
                      Map.entry("reasons", Map.of("cost-center", "default")));
            });
    assertThat(applyTags.execute(HOME, apply))
        .isEqualTo(new Result.NotFound("Resource was not found: " + arn));
    assertThat(propagate.execute(HOME, new PropagateToAsg("eks-x", arn, Map.of("a", "b"))))
        .isEqualTo(
            new Result.NotFound("AutoScalingGroup not found - AutoScaling Group eks-x not found"));
  }

  @Test
  void aPropagationIsAuditedAgainstTheNodegroupWithTheGroupFirst() {
    String arn = eks.addCluster("dev-1", Map.of());
    eks.addAsg("eks-ng-1", "dev-1");

    Result done = propagate.execute(HOME, new PropagateToAsg("eks-ng-1", arn, Map.of("a", "b")));

    assertThat(((Result.Done) done).events())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.detailType()).isEqualTo("Tags Propagated To ASG");
              assertThat(e.resources()).containsExactly(arn);
              assertThat(e.detail())
                  .containsExactly(
                      Map.entry("autoScalingGroup", "eks-ng-1"),
                      Map.entry("nodegroup", arn),
                      Map.entry("tags", Map.of("a", "b")),
                      Map.entry("propagateAtLaunch", true));
            });
  }

  @Test
  void aResourceFilledUpMeanwhileIsRefusedNotTagged() {
    Map<String, String> fifty = new HashMap<>();
    for (int i = 0; fifty.size() < 50; i++) {
      fifty.put("k" + i, "v");
    }
    String arn = eks.addCluster("dev-1", fifty);

    Result result =
        applyTags.execute(
            HOME, new ApplyTags(arn, "cluster", Map.of("team", "search"), Map.of(), true));

    assertThat(result)
        .isEqualTo(new Result.Refused("BadRequestException: A resource can have at most 50 tags."));
    assertThat(eks.clusterTags("dev-1")).isEqualTo(fifty);
  }

  @Test
  void concurrencyComesFromTheTaggingSection() {
    assertThat(enforcer.declaration().concurrency().applyAsInt(CONFIG)).isEqualTo(16);
    assertThat(
            enforcer
                .declaration()
                .concurrency()
                .applyAsInt(Policies.config("{\"tagging\": {\"maxConcurrency\": 3}}")))
        .isEqualTo(3);
  }

  @Test
  void theSummarySaysWhatFixedMeansInThisRun() {
    TagEnforcer dryRun =
        new TagEnforcer(new Settings("/eks-steward", true, null, "eu-west-1", null, null), eks);

    Finding live = enforcer.summary(CONFIG, Map.of("TagFixedCluster", 1.0));
    Finding planned = dryRun.summary(CONFIG, Map.of());

    assertThat(live.detail())
        .containsEntry("fixedMeans", "fixed in this run (see Tags Applied)")
        .containsEntry("exemptClusters", 0L);
    assertThat(planned.detail()).containsEntry("fixedMeans", "would be fixed (dry-run)");
  }
}
