package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.event.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How the scheduler reads a cluster's tags (its groups' default schedule): ListTagsForResource on
 * the ARN a group's ARN gives when the cluster has a group, DescribeCluster only when it has none.
 */
class ClusterTagsReadTest {
  /** No default schedule: only the cluster's tag puts its groups on one. */
  static final String CONFIG =
      """
      {"scheduler": {"schedules": {"office":
        {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 07:00-19:00"]}}}}
      """;

  static final Instant EVENING = Instant.parse("2026-11-25T19:00:00Z");
  static final String CLUSTER_ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1";

  @Test
  void theClusterTagFromListTagsForResourceSchedulesItsGroups() {
    FakeTicks t = new FakeTicks(CONFIG);
    t.eks.addCluster("dev-1", Map.of(Contract.SCHEDULE_TAG, "office"));
    t.eks.addGroup("dev-1", "web", new Sizes(2, 3, 5), Map.of(), Instant.EPOCH);

    t.tick(EVENING);

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(t.eks.calls())
        .contains("ListTagsForResource " + CLUSTER_ARN)
        .noneMatch(c -> c.startsWith("DescribeCluster"));
  }

  @Test
  void aClusterWithoutGroupsIsDescribedInstead() {
    FakeTicks t = new FakeTicks(CONFIG);
    t.eks.addCluster("empty", Map.of(Contract.SCHEDULE_TAG, "office"));

    t.tick(EVENING);

    assertThat(t.eks.calls())
        .containsExactly("ListClusters ", "ListNodegroups empty", "DescribeCluster empty");
  }

  @Test
  void aGoneClusterIsNeitherDescribedNorPlanned() {
    FakeTicks t = new FakeTicks(CONFIG);
    t.eks.addCluster("dev-1", Map.of(Contract.SCHEDULE_TAG, "office"));

    t.run(new Trigger.WakeRequest("gone", List.of(), null, null, null), EVENING);

    assertThat(t.plans).singleElement().satisfies(p -> assertThat(p.actions()).isEmpty());
    assertThat(t.eks.calls()).containsExactly("ListNodegroups gone");
  }

  @Test
  void theClusterArnKeepsTheNodegroupArnsPartitionRegionAndAccount() {
    assertThat(
            Cluster.arnOf("dev-1", "arn:aws-cn:eks:cn-north-1:111122223333:nodegroup/dev-1/web/ab"))
        .isEqualTo("arn:aws-cn:eks:cn-north-1:111122223333:cluster/dev-1");
    assertThat(Cluster.arnOf("dev", "arn:aws:eks:eu-west-1:1:nodegroup/dev-1/web/ab")).isNull();
    assertThat(Cluster.arnOf("dev-1", "not an arn")).isNull();
    assertThat(Cluster.arnOf("dev-1", null)).isNull();
  }
}
