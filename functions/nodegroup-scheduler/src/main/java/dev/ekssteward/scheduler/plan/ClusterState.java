package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import java.util.List;

/**
 * One cluster as observed (null cluster when it is gone), and what the run knows about it beyond
 * the cluster itself (the pause, the record index).
 */
public record ClusterState(Cluster cluster, List<Nodegroup> nodegroups, RunFacts facts) {
  public ClusterState {
    nodegroups = List.copyOf(nodegroups);
    facts = facts == null ? RunFacts.NONE : facts;
  }

  public ClusterState(Cluster cluster, List<Nodegroup> nodegroups) {
    this(cluster, nodegroups, RunFacts.NONE);
  }

  public ClusterState with(RunFacts known) {
    return new ClusterState(cluster, nodegroups, known);
  }
}
