package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * Real EKS lifecycle states against moto with them on: the CreateNodegroup event arrives while the
 * node group is still CREATING (minutes on AWS), before its Auto Scaling group is there.
 */
class LifecycleStatesIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  TagFleet seed;

  @BeforeEach
  void setUp() {
    seed = TagFleet.standard(aws);
    seed.cluster("dev-1", GOOD);
    // CREATING while the whole invocation runs, however slow the machine, until the test ends it.
    aws.options(Map.of("nodegroupTransitionSeconds", 3600));
  }

  @Test
  void aNodegroupStillCreatingIsTaggedAtOnceAndItsAsgByTheSweepOnceItIsThere() {
    Nodegroup created =
        aws.eks()
            .createNodegroup(
                r ->
                    r.clusterName("dev-1")
                        .nodegroupName("ng-a") // the names in the sample event
                        .nodeRole("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-nodes")
                        .subnets("subnet-0abc1234")
                        .tags(Map.of("team", "payments", "env", "dev")))
            .nodegroup();
    String asg = created.resources().autoScalingGroups().get(0).name();

    Map<String, Object> onCreate = seed.run(EventFiles.load("tagging-create-nodegroup.json"));

    // EKS takes tags while the group is CREATING; the ASG it is building is not there yet.
    assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
    assertThat(seed.nodegroupTags("dev-1", "ng-a"))
        .containsEntry("created-by", "jane.doe@example.com")
        .containsEntry("cost-center", "0000");
    assertThat(TagFleet.findings(onCreate, "Tag Propagation Pending"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f)
                    .containsEntry("autoScalingGroup", asg)
                    .containsEntry("next", "the next sweep propagates the tags"));
    assertThat(status()).isEqualTo("CREATING");

    aws.settle();
    seed.asg(asg, "dev-1"); // EKS made it while the group was CREATING
    seed.recorder.clear();
    seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(status()).isEqualTo("ACTIVE");
    assertThat(seed.recorder.mutations()).containsExactly("autoscaling:CreateOrUpdateTags");
    assertThat(seed.asgTags(asg))
        .filteredOn(t -> t.key().equals("cost-center"))
        .extracting(TagDescription::value)
        .containsExactly("0000");
  }

  @Test
  void aNodegroupBeingDeletedIsNotTaggedNorItsAsg() {
    aws.options(Map.of("nodegroupTransitionSeconds", 0));
    // No cost-center: the policy would add one, and propagate it to the ASG.
    String asg = seed.nodegroup("dev-1", "ng-b", Map.of("team", "payments", "env", "dev"));
    seed.asg(asg, "dev-1");
    aws.options(Map.of("nodegroupTransitionSeconds", 3600));
    aws.eks().deleteNodegroup(r -> r.clusterName("dev-1").nodegroupName("ng-b"));

    Map<String, Object> sweep = seed.run(EventFiles.load("schedule-tick.json"));

    // The group still shows a missing cost-center and an ASG without propagation, but EKS is
    // deleting both: no call is spent on them and it is neither a violation nor counted.
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(TagFleet.list(sweep, "planned"))
        .filteredOn(p -> "Skip".equals(p.get("type")))
        .extracting(p -> p.get("reason"))
        .containsExactly("status DELETING; not tagged");
    assertThat(TagFleet.list(sweep, "findings"))
        .extracting(f -> f.get("detailType"))
        .containsExactly("Tag Compliance Summary");
    assertThat(TagFleet.findings(sweep, "Tag Compliance Summary").get(0).get("compliance"))
        .asString()
        .contains("nodegroup={compliant=0, fixed=0, violating=0, unfixed=0}");
  }

  private static String status() {
    return aws.eks()
        .describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("ng-a"))
        .nodegroup()
        .statusAsString();
  }
}
