package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.testing.seed.LocalOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.NodegroupScalingConfig;

/**
 * Cluster Autoscaler between ticks: moves a managed node group's desired size within [min, max],
 * never outside (Cluster Autoscaler's own rule). On AWS it sets the Auto Scaling group's desired
 * capacity and EKS reports that as the group's {@code desiredSize}, with the group staying {@code
 * ACTIVE}. moto's node groups have no Auto Scaling group, so the actor sets {@code desiredSize}
 * through {@code UpdateNodegroupConfig} with the node group transition switched off for that one
 * call: the group stays ACTIVE, as on AWS. It waits for a group still in a transition first (moto
 * refuses an update meanwhile; AWS would not).
 */
public final class AutoscalerActor {
  private final EksClient eks;
  private final LocalOptions options;
  private final Random random;
  private final List<String> moves = new ArrayList<>();

  public AutoscalerActor(LocalAws aws, long seed) {
    this.eks = aws.eks();
    this.options = new LocalOptions(aws.endpoint());
    this.random = new Random(seed);
  }

  /** Pods left Pending: raises desired as far as the group's max allows. */
  public int scaleUp(String cluster, String nodegroup) {
    return move(cluster, nodegroup, Integer.MAX_VALUE);
  }

  /** Nodes left idle: lowers desired to the group's min. */
  public int scaleDown(String cluster, String nodegroup) {
    return move(cluster, nodegroup, 0);
  }

  /** Some desired size within [min, max], drawn from the actor's seed. */
  public int wander(String cluster, String nodegroup) {
    NodegroupScalingConfig s = active(cluster, nodegroup).scalingConfig();
    return move(cluster, nodegroup, s.minSize() + random.nextInt(s.maxSize() - s.minSize() + 1));
  }

  /**
   * Sets desired to {@code wanted} clamped to the group's [min, max], as Cluster Autoscaler can.
   *
   * @return the desired size the group now reports
   */
  public int move(String cluster, String nodegroup, int wanted) {
    NodegroupScalingConfig s = active(cluster, nodegroup).scalingConfig();
    int desired = Math.max(s.minSize(), Math.min(s.maxSize(), wanted));
    if (desired != s.desiredSize()) {
      Object before = options.current().orElseThrow().get("nodegroupTransitionSeconds");
      Map<String, Object> off = new HashMap<>();
      off.put("nodegroupTransitionSeconds", 0);
      options.change(off);
      try {
        eks.updateNodegroupConfig(
            r ->
                r.clusterName(cluster)
                    .nodegroupName(nodegroup)
                    .scalingConfig(c -> c.desiredSize(desired)));
      } finally {
        Map<String, Object> restore = new HashMap<>();
        restore.put("nodegroupTransitionSeconds", before); // null: follow transitionSeconds
        options.change(restore);
      }
      moves.add(cluster + "/" + nodegroup + " " + s.desiredSize() + "->" + desired);
    }
    return desired;
  }

  /** Every move made, "cluster/group from->to", in order. */
  public List<String> moves() {
    return List.copyOf(moves);
  }

  private Nodegroup active(String cluster, String nodegroup) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      Nodegroup g =
          eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(nodegroup)).nodegroup();
      if ("ACTIVE".equals(g.statusAsString()) || System.nanoTime() > deadline) {
        return g;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
