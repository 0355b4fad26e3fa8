package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.scheduler.MotoFleet.at;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * A group with a size record is restored whenever it leaves the scheduler's scope: its cluster
 * excluded by targets.clusters, its region or account removed from targets, its schedule tag
 * removed. The record index lets a tick find the first three without listing anything the config no
 * longer names; once the records are gone, the index forgets them and nothing is visited.
 */
class ScopeExitsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String MEMBER_ROLE = "arn:aws:iam::111111111111:role/eks-steward-member";
  static final String SCHEDULES =
      MotoFleet.CONFIG.trim().substring(1, MotoFleet.CONFIG.trim().length() - 1);

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws).settling();
    fleet.seed(MotoFleet.office());
  }

  private void config(String targets) {
    fleet.config("{" + (targets.isEmpty() ? "" : targets + ", ") + SCHEDULES + "}");
  }

  private void allDown(String cluster) {
    ORIGINAL
        .keySet()
        .forEach(name -> assertThat(fleet.sizes(cluster, name)).isEqualTo(new Sizes(0, 0, 1)));
  }

  private void allRestored(String cluster) {
    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes(cluster, name)).isEqualTo(s);
          assertThat(fleet.tags(cluster, name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
  }

  @Test
  void aClusterExcludedByTargetsClustersIsRestoredThenForgotten() {
    fleet.tick(at(0, "19:05"));
    allDown("dev-1");
    assertThat(MotoFleet.indexed(aws)).containsExactly("dev-1");

    config("\"targets\": {\"clusters\": {\"exclude\": [\"dev-*\"]}}");
    fleet.tick(at(0, "23:00"));

    allRestored("dev-1");
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .hasSize(3)
        .allSatisfy(
            a ->
                assertThat(a.detail().get("reason").toString())
                    .contains("no longer selected by targets.clusters"));

    // The next tick sees no record there and takes the cluster out of the index ...
    fleet.tick(at(0, "23:05"));
    assertThat(MotoFleet.indexed(aws)).isEmpty();
    assertThat(fleet.recorder.mutations()).containsExactly("ssm:DeleteParameter");

    // ... after which the excluded cluster is not visited at all.
    fleet.tick(at(0, "23:10"));
    assertThat(fleet.recorder.calls())
        .doesNotContain("eks:ListNodegroups", "eks:DescribeNodegroup")
        .containsOnlyOnce("ssm:GetParametersByPath");
  }

  @Test
  void aRegionRemovedFromTargetsIsRestoredThroughTheIndex() {
    fleet.seed(
        FleetSeed.fleet()
            .region("us-east-2")
            .cluster(
                cluster("ore-1")
                    .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
                    .nodegroup(MotoFleet.group("web", ORIGINAL.get("web"), Map.of()))));
    config("\"targets\": {\"regions\": [\"eu-west-1\", \"us-east-2\"]}");
    fleet.tick(at(0, "19:05"));
    EksClient ohio = aws.client(EksClient.builder(), "us-east-2");
    assertThat(sizes(ohio, "ore-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.parameters())
        .containsKeys(
            "/eks-steward/scheduler/records/123456789012/eu-west-1/1",
            "/eks-steward/scheduler/records/123456789012/us-east-2/1");

    config("\"targets\": {\"regions\": [\"eu-west-1\"]}");
    fleet.tick(at(0, "23:00"));

    assertThat(sizes(ohio, "ore-1", "web")).isEqualTo(ORIGINAL.get("web"));
    allDown("dev-1");
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.detail()).containsEntry("region", "us-east-2");
              assertThat(a.detail().get("reason").toString())
                  .contains("us-east-2 is no longer among targets");
            });

    fleet.tick(at(0, "23:05"));
    assertThat(fleet.parameters())
        .containsOnlyKeys("/eks-steward/scheduler/records/123456789012/eu-west-1/1");
  }

  @Test
  void anAccountRemovedFromTargetsIsRestoredThroughTheRoleTheIndexKept() {
    aws.seeder()
        .asMember(MEMBER_ROLE)
        .seed(
            FleetSeed.fleet()
                .cluster(
                    cluster("member-1")
                        .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
                        .nodegroup(MotoFleet.group("web", ORIGINAL.get("web"), Map.of()))));
    config(
        "\"targets\": {\"accounts\": [{\"accountId\": \"111111111111\", \"roleArn\": \""
            + MEMBER_ROLE
            + "\"}]}");
    fleet.tick(at(0, "19:05"));
    EksClient member = aws.member(MEMBER_ROLE, EksClient.builder());
    assertThat(sizes(member, "member-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.parameters().get("/eks-steward/scheduler/records/111111111111/eu-west-1/1"))
        .contains(MEMBER_ROLE)
        .contains("member-1");

    config("");
    fleet.tick(at(0, "23:00"));

    assertThat(sizes(member, "member-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.recorder.calls()).contains("sts:AssumeRole");
    allDown("dev-1");

    // Once no record is left there, the account is pruned from the index and never reached again.
    fleet.tick(at(0, "23:05"));
    assertThat(fleet.parameters())
        .doesNotContainKey("/eks-steward/scheduler/records/111111111111/eu-west-1/1");
    fleet.tick(at(0, "23:10"));
    assertThat(fleet.recorder.calls()).doesNotContain("sts:AssumeRole");
  }

  @Test
  void aGroupWhoseScheduleTagIsRemovedIsRestored() {
    fleet.tick(at(0, "19:05"));
    String arn = aws.eks().describeCluster(r -> r.name("dev-1")).cluster().arn();
    aws.eks().untagResource(r -> r.resourceArn(arn).tagKeys(Contract.SCHEDULE_TAG));

    fleet.tick(at(0, "23:00"));

    allRestored("dev-1");
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .hasSize(3)
        .allSatisfy(
            a -> assertThat(a.detail()).containsEntry("reason", "no schedule applies any more"));
    fleet.tick(at(0, "23:05"));
    assertThat(MotoFleet.indexed(aws)).isEmpty();
  }

  /**
   * The other side of the retention rule: a cluster that stays scheduled keeps its place after its
   * morning restores, so the index is written on its first night only and no later evening holds
   * its scale-downs back for a write (Parameter Store takes few writes a second).
   */
  @Test
  void aClusterThatStaysScheduledKeepsItsPlaceSoOnlyItsFirstNightWritesTheIndex() {
    fleet.tick(at(0, "19:05"));
    assertThat(fleet.recorder.mutations()).containsOnlyOnce("ssm:PutParameter");

    fleet.tick(at(1, "07:05"));
    allRestored("dev-1");
    assertThat(fleet.recorder.mutations()).noneMatch(m -> m.startsWith("ssm:"));
    // A day tick sees no record left, and keeps the cluster's place all the same.
    fleet.tick(at(1, "12:00"));
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(MotoFleet.indexed(aws)).containsExactly("dev-1");

    Map<String, Object> evening = fleet.tick(at(1, "19:05"));
    allDown("dev-1");
    assertThat(fleet.recorder.mutations()).noneMatch(m -> m.startsWith("ssm:"));
    assertThat(evening.get("planned").toString()).doesNotContain("AwaitIndex");
    assertThat(fleet.sent.audits("Record Index Updated")).isEmpty();
  }

  @Test
  void aGroupAtZeroWhoseRecordWasDeletedIsReportedNotLeftSilently() {
    fleet.tick(at(0, "19:05"));
    String web = fleet.describe("dev-1", "web").nodegroupArn();
    aws.eks().untagResource(r -> r.resourceArn(web).tagKeys(Contract.ORIGINAL_SCALING_TAG));

    Map<String, Object> morning = fleet.tick(at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(fleet.sizes("dev-1", "small")).isEqualTo(ORIGINAL.get("small"));
    assertThat(fleet.sent.audits("Nodegroup Record Missing"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.resources()).containsExactly(web);
              assertThat(a.detail()).containsEntry("nodegroup", "web");
              assertThat(a.detail().get("current").toString())
                  .isEqualTo("{minSize=0, desiredSize=0, maxSize=1}");
              assertThat(a.detail().get("reason").toString()).contains("record was deleted");
            });
    assertThat(morning.get("findings").toString()).contains("Nodegroup Record Missing");
    assertThat(metric(morning, "NodegroupRecordMissing")).isEqualTo(1.0);
  }

  private static Sizes sizes(EksClient eks, String cluster, String name) {
    var c =
        eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
            .nodegroup()
            .scalingConfig();
    return new Sizes(c.minSize(), c.desiredSize(), c.maxSize());
  }

  @SuppressWarnings("unchecked")
  private static Double metric(Map<String, Object> report, String name) {
    return (Double) ((Map<String, Object>) report.get("metrics")).get(name);
  }
}
