package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.trust.Trust;
import java.util.List;
import java.util.Map;

/**
 * What one pass saw of a cluster: its desired-state document (null when there is none), its Fargate
 * profiles (null when the cluster does not exist), its own tags (read only when it has a document)
 * and, by profile ARN, what the record key said of the signed managed marks a prune would act on.
 */
public record ClusterObservation(
    String cluster,
    String parameter,
    String document,
    List<ObservedProfile> profiles,
    Map<String, String> clusterTags,
    Map<String, Trust> marks) {
  public ClusterObservation {
    profiles = profiles == null ? null : List.copyOf(profiles);
    clusterTags = clusterTags == null ? Map.of() : Map.copyOf(clusterTags);
    marks = marks == null ? Map.of() : Map.copyOf(marks);
  }

  public ClusterObservation(
      String cluster,
      String parameter,
      String document,
      List<ObservedProfile> profiles,
      Map<String, String> clusterTags) {
    this(cluster, parameter, document, profiles, clusterTags, Map.of());
  }

  /** Tagged {@code eks-steward/exclude=true}: no function touches the cluster. */
  public boolean excluded() {
    return "true".equalsIgnoreCase(clusterTags.get(Contract.EXCLUDE_TAG));
  }
}
