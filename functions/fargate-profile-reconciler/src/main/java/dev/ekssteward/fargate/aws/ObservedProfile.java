package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.trust.Sealed;
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

  /**
   * Carries the managed mark in some form: signed ({@code true mac=v1.…}) or as an earlier version
   * wrote it ({@code true}). Whether it may be acted on is decided where it is (prune).
   */
  public boolean managed() {
    Sealed mark = mark();
    return mark != null && "true".equals(mark.body());
  }

  /** The managed mark as written, or null when there is none. */
  public Sealed mark() {
    String value = tags.get(Contract.MANAGED_TAG);
    return value == null ? null : Sealed.parse(value);
  }
}
