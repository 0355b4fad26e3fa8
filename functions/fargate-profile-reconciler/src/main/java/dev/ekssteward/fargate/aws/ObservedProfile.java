package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.shared.Contract;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A Fargate profile as EKS describes it, in our own terms. */
public record ObservedProfile(
    String name,
    String arn,
    Status status,
    ProfileSpec spec,
    Map<String, String> tags,
    Instant createdAt,
    List<String> healthIssues) {

  /** EKS's statuses; UNKNOWN stands for any value added after this code was written. */
  public enum Status {
    CREATING,
    ACTIVE,
    DELETING,
    CREATE_FAILED,
    DELETE_FAILED,
    UNKNOWN;

    public static Status of(String value) {
      for (Status s : values()) {
        if (s.name().equals(value)) {
          return s;
        }
      }
      return UNKNOWN;
    }

    /** EKS allows only one profile per cluster in one of these states. */
    public boolean inTransition() {
      return this == CREATING || this == DELETING;
    }
  }

  public ObservedProfile {
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
    healthIssues = List.copyOf(healthIssues);
  }

  public boolean managed() {
    return "true".equals(tags.get(Contract.MANAGED_TAG));
  }
}
