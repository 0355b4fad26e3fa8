package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.trust.Trust;
import java.util.List;
import java.util.Map;

/**
 * One cluster as observed: null cluster when it is gone. {@code macs}: by group ARN, what the
 * record key said of the signed size records the plan acts on (only those are verified).
 */
public record ClusterState(Cluster cluster, List<Nodegroup> nodegroups, Map<String, Trust> macs) {
  public ClusterState {
    nodegroups = List.copyOf(nodegroups);
    macs = Map.copyOf(macs);
  }

  public ClusterState(Cluster cluster, List<Nodegroup> nodegroups) {
    this(cluster, nodegroups, Map.of());
  }

  public ClusterState withMacs(Map<String, Trust> verified) {
    return new ClusterState(cluster, nodegroups, verified);
  }
}
