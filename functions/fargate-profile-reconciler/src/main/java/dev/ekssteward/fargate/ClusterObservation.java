package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.ObservedProfile;
import java.util.List;
import java.util.Map;

/**
 * What one pass saw of a cluster: its desired-state document (null when there is none), its Fargate
 * profiles (null when the cluster does not exist), and which of our own creates/deletes EKS refused
 * earlier in this invocation (profile name to reason).
 */
public record ClusterObservation(
    String cluster,
    String parameter,
    String document,
    List<ObservedProfile> profiles,
    Map<String, String> rejected) {
  public ClusterObservation {
    profiles = profiles == null ? null : List.copyOf(profiles);
    rejected = Map.copyOf(rejected);
  }
}
