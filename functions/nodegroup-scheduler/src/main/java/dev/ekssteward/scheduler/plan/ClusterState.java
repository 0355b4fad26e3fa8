package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.trust.Trust;
import java.util.List;
import java.util.Map;

/**
 * One cluster as observed (null cluster when it is gone), and what the run knows about it beyond
 * the cluster itself (the pause, the record index). {@code macs}: by group ARN, what the record key
 * said of the signed size records the plan acts on (only those are verified).
 */
public record ClusterState(
    Cluster cluster, List<Nodegroup> nodegroups, RunFacts facts, Map<String, Trust> macs) {
  public ClusterState {
    nodegroups = List.copyOf(nodegroups);
    facts = facts == null ? RunFacts.NONE : facts;
    macs = Map.copyOf(macs);
  }

  public ClusterState(Cluster cluster, List<Nodegroup> nodegroups) {
    this(cluster, nodegroups, RunFacts.NONE, Map.of());
  }

  public ClusterState(Cluster cluster, List<Nodegroup> nodegroups, RunFacts facts) {
    this(cluster, nodegroups, facts, Map.of());
  }

  public ClusterState(Cluster cluster, List<Nodegroup> nodegroups, Map<String, Trust> macs) {
    this(cluster, nodegroups, RunFacts.NONE, macs);
  }

  public ClusterState with(RunFacts known) {
    return new ClusterState(cluster, nodegroups, known, macs);
  }

  public ClusterState withMacs(Map<String, Trust> verified) {
    return new ClusterState(cluster, nodegroups, facts, verified);
  }
}
