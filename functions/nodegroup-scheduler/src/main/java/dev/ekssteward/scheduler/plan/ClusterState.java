package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import java.util.List;

/** One cluster as observed: null cluster when it is gone. */
public record ClusterState(Cluster cluster, List<Nodegroup> nodegroups) {
  public ClusterState {
    nodegroups = List.copyOf(nodegroups);
  }
}
