package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cluster tagged {@code eks-steward/exclude=true} is out of the policy on every path: a sweep
 * neither tags it nor anything in it (nor reads what is in it), and a CloudTrail call on it or on a
 * resource of it changes nothing and sets no creator. Each cluster here would be fixed otherwise.
 */
class TagEnforcerExcludeIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  /** Violates the policy: no cost-center (a default), env not lower case (normalized). */
  static final Map<String, String> FIXABLE = Map.of("team", "payments", "env", "DEV");

  TagFleet seed;
  final Map<String, String> asgs = new HashMap<>();

  @BeforeEach
  void setUp() {
    seed = TagFleet.standard(aws);
  }

  static Map<String, String> excluded(Map<String, String> tags, String value) {
    Map<String, String> out = new HashMap<>(tags);
    out.put(Contract.EXCLUDE_TAG, value);
    return out;
  }

  /** dev-1 excluded with a node group (and its ASG) and a profile, all fixable; dev-2 alike. */
  void twoFixableClusters() {
    for (String cluster : List.of("dev-1", "dev-2")) {
      seed.cluster(cluster, cluster.equals("dev-1") ? excluded(FIXABLE, "true") : FIXABLE);
      asgs.put(cluster, seed.nodegroup(cluster, "ng-a", FIXABLE));
      seed.asg(asgs.get(cluster), cluster);
      seed.profile(cluster, "team-a", FIXABLE);
    }
  }

  @Test
  void aSweepLeavesTheExcludedClusterAndEverythingInItUntouchedAndUnread() {
    twoFixableClusters();

    Map<String, Object> report = seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(seed.clusterTags("dev-1")).isEqualTo(excluded(FIXABLE, "true"));
    assertThat(seed.nodegroupTags("dev-1", "ng-a")).isEqualTo(FIXABLE);
    assertThat(seed.profileTags("dev-1", "team-a")).isEqualTo(FIXABLE);
    assertThat(seed.asgTags(asgs.get("dev-1")))
        .extracting(t -> t.key())
        .containsExactly("eks:cluster-name");
    // dev-2 shows that the same resources are fixed when not excluded: cluster, group, profile,
    // ASG.
    assertThat(seed.clusterTags("dev-2")).containsEntry("cost-center", "0000");
    assertThat(seed.recorder.mutations())
        .containsExactlyInAnyOrder(
            "eks:TagResource",
            "eks:TagResource",
            "eks:TagResource",
            "autoscaling:CreateOrUpdateTags");
    assertThat(TagFleet.list(report, "applied"))
        .allSatisfy(a -> assertThat(a.get("target").toString()).doesNotContain("/dev-1"));
    assertThat(TagFleet.list(report, "planned"))
        .filteredOn(p -> p.get("scope").toString().endsWith("/dev-1"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("type", "Skip")
                    .containsEntry("target", "cluster/dev-1")
                    .containsEntry("reason", "eks-steward/exclude=true"));
    assertThat(TagFleet.list(report, "findings"))
        .allSatisfy(f -> assertThat(String.valueOf(f.get("resource"))).doesNotContain("/dev-1"));
    assertThat(TagFleet.findings(report, "Tag Compliance Summary"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s).containsEntry("excludedClusters", 1L);
              assertThat(s.get("compliance"))
                  .isEqualTo(
                      Map.of(
                          "cluster", fixedOne(),
                          "nodegroup", fixedOne(),
                          "fargateprofile", fixedOne()));
            });
    // Only dev-2's node groups and profiles were listed.
    assertThat(seed.recorder.calls().stream().filter("eks:ListNodegroups"::equals)).hasSize(1);
    assertThat(seed.recorder.calls().stream().filter("eks:ListFargateProfiles"::equals)).hasSize(1);
  }

  @Test
  void aSweepLeavesAnExcludedNodegroupAndItsAsgAloneAndCountsItExcluded() {
    seed.cluster("dev-1", FIXABLE);
    String kept = seed.nodegroup("dev-1", "ng-a", excluded(FIXABLE, "TRUE"));
    seed.asg(kept, "dev-1");
    String fixed = seed.nodegroup("dev-1", "ng-b", FIXABLE);
    seed.asg(fixed, "dev-1");

    Map<String, Object> report = seed.run(EventFiles.load("schedule-tick.json"));

    assertThat(seed.nodegroupTags("dev-1", "ng-a")).isEqualTo(excluded(FIXABLE, "TRUE"));
    assertThat(seed.asgTags(kept)).extracting(t -> t.key()).containsExactly("eks:cluster-name");
    assertThat(seed.nodegroupTags("dev-1", "ng-b")).containsEntry("cost-center", "0000");
    assertThat(seed.asgTags(fixed)).extracting(t -> t.key()).contains("cost-center");
    assertThat(TagFleet.list(report, "planned"))
        .filteredOn(p -> "Skip".equals(p.get("type")))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("reason", "eks-steward/exclude=true")
                    .extracting(q -> q.get("target").toString())
                    .asString()
                    .contains("nodegroup/dev-1/ng-a/"));
    assertThat(TagFleet.findings(report, "Tag Compliance Summary"))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s).containsEntry("excludedNodegroups", 1L);
              assertThat(s.get("compliance")).extracting("nodegroup").isEqualTo(fixedOne());
            });
  }

  @Test
  void aCreateCallOnAnExcludedNodegroupSetsNoCreator() {
    seed.cluster("dev-1", FIXABLE);
    seed.nodegroup("dev-1", "ng-a", excluded(FIXABLE, "true"));

    Map<String, Object> report = seed.run(EventFiles.load("tagging-create-nodegroup.json"));

    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(seed.nodegroupTags("dev-1", "ng-a")).isEqualTo(excluded(FIXABLE, "true"));
    assertThat(TagFleet.list(report, "planned"))
        .singleElement()
        .satisfies(p -> assertThat(p).containsEntry("reason", "eks-steward/exclude=true"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "tagging-create-cluster.json",
        "tagging-create-nodegroup.json",
        "tagging-create-fargate-profile.json",
        "tagging-tag-resource.json",
        "tagging-untag-resource.json"
      })
  void aCallOnTheExcludedClusterOrOnAResourceInItChangesNothing(String event) {
    seed.cluster("dev-1", excluded(FIXABLE, "TRUE"));
    seed.nodegroup("dev-1", "ng-a", FIXABLE);
    seed.profile("dev-1", "team-a", FIXABLE);

    Map<String, Object> report = seed.run(EventFiles.load(event));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(seed.recorder.mutations()).isEmpty();
    assertThat(seed.recorder.calls())
        .doesNotContain("eks:DescribeNodegroup", "eks:DescribeFargateProfile");
    assertThat(TagFleet.list(report, "planned"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("type", "Skip")
                    .containsEntry("reason", "eks-steward/exclude=true"));
    assertThat(TagFleet.list(report, "findings")).isEmpty();
    assertThat(seed.clusterTags("dev-1")).isEqualTo(excluded(FIXABLE, "TRUE"));
    assertThat(seed.nodegroupTags("dev-1", "ng-a")).isEqualTo(FIXABLE);
    assertThat(seed.profileTags("dev-1", "team-a")).isEqualTo(FIXABLE);
  }

  @Test
  void theSameCallOnANotExcludedClusterDoesChangeIt() {
    seed.cluster("dev-1", excluded(FIXABLE, "false"));
    seed.nodegroup("dev-1", "ng-a", FIXABLE);

    seed.run(EventFiles.load("tagging-create-nodegroup.json"));

    assertThat(seed.nodegroupTags("dev-1", "ng-a"))
        .containsEntry("created-by", "jane.doe@example.com")
        .containsEntry("env", "dev");
  }

  static Map<String, Long> fixedOne() {
    return Map.of("compliant", 0L, "fixed", 1L, "unfixed", 0L, "violating", 0L);
  }
}
