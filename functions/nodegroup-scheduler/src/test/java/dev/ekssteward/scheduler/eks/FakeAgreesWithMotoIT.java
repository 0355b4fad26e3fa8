package dev.ekssteward.scheduler.eks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.NodegroupSeed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The in-memory EKS answers as moto (with local/moto/patches.py) does for every call the scheduler
 * makes, so what the convergence tests prove with the fake holds for the SDK adapter.
 */
class FakeAgreesWithMotoIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  record Seen(
      List<String> clusters,
      Map<String, String> clusterTags,
      Map<String, String> clusterTagsByArn,
      Map<String, String> tagsOfGoneCluster,
      List<String> groups,
      List<String> groupsOfGoneCluster,
      Sizes down,
      Map<String, String> taggedThenUntagged,
      String tagged,
      String updated,
      String statusAfterUpdate,
      String updateWhileUpdating,
      String sameUpdateAgain,
      String statusSettled,
      String invalidMax,
      Sizes afterInvalid,
      String tagOfMissing,
      Nodegroup missing) {}

  /** The calls the scheduler makes; {@code settle} lets the group's update finish. */
  private static Seen exercise(NodegroupApi api, Runnable settle) {
    String arn = api.describeNodegroup("dev-1", "web").arn();
    String clusterArn = Cluster.arnOf("dev-1", arn);
    Result tagged =
        api.tagResource(
            arn, Map.of("eks-steward/original-scaling", "2-3-5@2026-11-25T18:00Z", "x", "y"));
    api.untagResource(arn, Set.of("x"));
    Result updated = api.updateScaling("dev-1", "web", new Sizes(0, 0, 5), "down-1");
    Sizes down = api.describeNodegroup("dev-1", "web").sizes();
    String updating = api.describeNodegroup("dev-1", "web").status();
    // EKS: another update while UPDATING is a 409; the same request again (its answer lost) is
    // answered by its clientRequestToken.
    Result whileUpdating = api.updateScaling("dev-1", "web", new Sizes(0, 1, 5), "up-1");
    Result again = api.updateScaling("dev-1", "web", new Sizes(0, 0, 5), "down-1");
    settle.run();
    String settled = api.describeNodegroup("dev-1", "web").status();
    Result invalid = api.updateScaling("dev-1", "web", new Sizes(0, 0, 0), "down-2");
    Result tagOfMissing = api.tagResource(arn.replace("/web/", "/nope/"), Map.of("a", "b"));
    return new Seen(
        api.listClusters(),
        api.describeCluster("dev-1").tags(),
        api.clusterTags(clusterArn),
        api.clusterTags(clusterArn.replace(":cluster/dev-1", ":cluster/gone")),
        api.listNodegroups("dev-1"),
        api.listNodegroups("gone"),
        down,
        api.describeNodegroup("dev-1", "web").tags(),
        kind(tagged),
        kind(updated),
        updating,
        kind(whileUpdating),
        kind(again),
        settled,
        kind(invalid),
        api.describeNodegroup("dev-1", "web").sizes(),
        kind(tagOfMissing),
        api.describeNodegroup("dev-1", "nope"));
  }

  /** The kind of answer; messages differ between EKS, moto and the fake by design. */
  private static String kind(Result r) {
    return r.getClass().getSimpleName()
        + (r instanceof Result.Refused f ? " " + f.message().split(":")[0] : "");
  }

  @Test
  void sameAnswersForTheCallsTheSchedulerMakes() {
    aws.seeder()
        .seed(
            FleetSeed.fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .tags(Map.of("eks-steward/schedule", "office"))
                        .nodegroup(NodegroupSeed.nodegroup("web").scaling(2, 3, 5))));
    var eks = aws.eks();
    FakeEks fake = new FakeEks();
    fake.addCluster("dev-1", Map.of("eks-steward/schedule", "office"));
    fake.addGroup("dev-1", "web", new Sizes(2, 3, 5), Map.of(), Instant.now());

    Seen moto = exercise(new EksNodegroupApi(eks), aws::settle);
    Seen memory = exercise(fake, fake::settle);

    assertThat(memory).isEqualTo(moto);
    assertThat(moto.down()).isEqualTo(new Sizes(0, 0, 5));
    assertThat(moto.clusterTagsByArn()).isEqualTo(moto.clusterTags()).isNotEmpty();
    assertThat(moto.tagsOfGoneCluster()).isNull();
    assertThat(moto.groupsOfGoneCluster()).isNull();
    assertThat(moto.tagged()).isEqualTo("Done");
    assertThat(moto.updated()).isEqualTo("Done");
    assertThat(moto.statusAfterUpdate()).isEqualTo("UPDATING");
    assertThat(moto.updateWhileUpdating()).isEqualTo("Busy");
    assertThat(moto.sameUpdateAgain()).isEqualTo("Done");
    assertThat(moto.statusSettled()).isEqualTo("ACTIVE");
    assertThat(moto.invalidMax()).isEqualTo("Refused InvalidParameterException");
    assertThat(moto.tagOfMissing()).isEqualTo("NotFound");
    assertThat(moto.taggedThenUntagged())
        .isEqualTo(Map.of("eks-steward/original-scaling", "2-3-5@2026-11-25T18:00Z"));
  }
}
