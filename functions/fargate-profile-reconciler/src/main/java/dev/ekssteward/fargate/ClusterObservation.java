package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.ObservedProfile;
import java.util.List;

/**
 * What one pass saw of a cluster: its desired-state document (null when there is none) and its
 * Fargate profiles (null when the cluster does not exist).
 */
public record ClusterObservation(
    String cluster, String parameter, String document, List<ObservedProfile> profiles) {
  public ClusterObservation {
    profiles = profiles == null ? null : List.copyOf(profiles);
  }
}
