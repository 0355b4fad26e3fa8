package dev.ekssteward.tagging;

import static dev.ekssteward.tagging.plan.Policies.GOOD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.tagging.plan.Policies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/** The sweep against moto: fixes what no event covered, summarises, propagates to ASGs. */
class TagEnforcerSweepIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  TagFleet seed;

  @BeforeEach
  void setUp() {
    seed = TagFleet.standard(aws);
  }

  @Test
  void sweepFixesWhatNoEventCoveredAndPublishesOneSummary() {
    seed.cluster("dev-1", Map.of("team", "search", "env", "Prod"));
    seed.cluster("dev-2", GOOD);
    seed.nodegroup("dev-2", "ng-a", GOOD);
    seed.profile("dev-2", "team-a", GOOD);
    seed.cluster("sandbox-1", Map.of());

    Map<String, Object> report = seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(seed.clusterTags("dev-1"))
        .isEqualTo(Map.of("team", "search", "env", "prod", "cost-center", "0000"));
    assertThat(seed.clusterTags("dev-2")).isEqualTo(GOOD);
    assertThat(seed.clusterTags("sandbox-1")).isEmpty();
    assertThat(seed.recorder.mutations()).containsExactly("eks:TagResource");
    List<Map<String, Object>> summaries = TagFleet.findings(report, "Tag Compliance Summary");
    assertThat(summaries).hasSize(1);
    assertThat(summaries.get(0).get("compliance"))
        .isEqualTo(
            Map.of(
                "cluster", Map.of("compliant", 1L, "fixed", 1L, "unfixed", 0L, "violating", 0L),
                "nodegroup", Map.of("compliant", 1L, "fixed", 0L, "unfixed", 0L, "violating", 0L),
                "fargateprofile",
                    Map.of("compliant", 1L, "fixed", 0L, "unfixed", 0L, "violating", 0L)));
    assertThat(summaries.get(0)).containsEntry("exemptClusters", 1L);
    // moto reports an ASG name for the node group but creates none: propagation waits.
    assertThat(TagFleet.findings(report, "Tag Propagation Pending")).hasSize(1);
  }

  @Test
  void asgOfTheNodegroupGetsPropagateAtLaunchTagsOnce() {
    seed.cluster("dev-1", GOOD);
    String asg = seed.nodegroup("dev-1", "ng-a", GOOD);
    seed.asg(asg, "dev-1");

    Map<String, Object> first = seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(seed.asgTags(asg))
        .filteredOn(t -> t.key().equals("cost-center"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.value()).isEqualTo("1234");
              assertThat(t.propagateAtLaunch()).isTrue();
            });
    assertThat(seed.asgTags(asg))
        .extracting(TagDescription::key)
        .containsExactlyInAnyOrder("eks:cluster-name", "cost-center");
    assertThat(seed.recorder.mutations()).containsExactly("autoscaling:CreateOrUpdateTags");
    assertThat(TagFleet.findings(first, "Tag Propagation Pending")).isEmpty();

    seed.recorder.clear();
    seed.run(EventFiles.load("schedule-tick.json"));
    assertThat(seed.recorder.mutations()).isEmpty();
  }

  @Test
  void asgMissingRightAfterCreateNodegroupIsPendingThenTheSweepDoesIt() {
    seed.config(Policies.STANDARD_JSON.replace("\"creatorTagKey\": \"created-by\",", ""));
    seed.cluster("dev-1", GOOD);
    String asg = seed.nodegroup("dev-1", "ng-a", GOOD);

    Map<String, Object> onCreate = seed.run(EventFiles.load("tagging-create-nodegroup.json"));

    assertThat(TagFleet.findings(onCreate, "Tag Propagation Pending"))
        .singleElement()
        .satisfies(f -> assertThat(f).containsEntry("autoScalingGroup", asg));
    assertThat(seed.recorder.mutations()).isEmpty();

    seed.asg(asg, "dev-1");
    seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(seed.recorder.mutations()).containsExactly("autoscaling:CreateOrUpdateTags");
    assertThat(seed.asgTags(asg)).extracting(TagDescription::key).contains("cost-center");
  }
}
