package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Details;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The mutations the planner asks for, one record per EKS call. */
public sealed interface ProfileAction extends Action {
  String cluster();

  /** The profile the call is about. */
  String name();

  /**
   * The details every profile change starts with, the cluster and the profile, then {@code
   * keysAndValues} (as {@link Details#of}): its report entry and its audit event.
   */
  default Map<String, Object> profileDetails(Object... keysAndValues) {
    Map<String, Object> d = Details.of("cluster", cluster(), "profile", name());
    d.putAll(Details.of(keysAndValues));
    return d;
  }

  /** Creates {@code name}; {@code replaces} names the profile it will supersede, or null. */
  record CreateProfile(
      String cluster,
      String name,
      String logicalName,
      ProfileSpec spec,
      Map<String, String> tags,
      String replaces)
      implements ProfileAction {
    public String target() {
      return cluster + "/" + name;
    }

    @Override
    public Map<String, Object> details() {
      return Details.withPresent(
          profileDetails(
              "logicalName", logicalName,
              "podExecutionRoleArn", spec.podExecutionRoleArn(),
              "subnets", List.copyOf(spec.subnets()),
              "selectors", selectors(spec.selectors()),
              "tags", tags),
          "replaces",
          replaces);
    }
  }

  /** Why a profile is deleted: its replacement is ACTIVE, or prune removes an unmanaged one. */
  enum DeleteReason {
    REPLACED,
    PRUNED
  }

  /** Deletes {@code name}; {@code replacedBy} is the ACTIVE profile that now serves its pods. */
  record DeleteProfile(
      String cluster, String name, String arn, DeleteReason reason, String replacedBy)
      implements ProfileAction {
    public String target() {
      return arn;
    }

    @Override
    public Map<String, Object> details() {
      return Details.withPresent(
          profileDetails("reason", reason.name().toLowerCase(java.util.Locale.ROOT)),
          "replacedBy",
          replacedBy);
    }
  }

  /** Adds or overwrites tags in place (the only mutable part of a profile). */
  record TagProfile(String cluster, String name, String arn, Map<String, String> tags)
      implements ProfileAction {
    public String target() {
      return arn;
    }

    @Override
    public Map<String, Object> details() {
      return profileDetails("tags", tags);
    }
  }

  /**
   * Signs the managed mark for a profile of the desired state that lacks a signed one (a new
   * profile, or one an earlier version marked {@code true}): prune acts only on signed marks.
   */
  record MarkManaged(String cluster, String name, String arn) implements ProfileAction {
    public String target() {
      return arn;
    }

    @Override
    public Map<String, Object> details() {
      return profileDetails();
    }
  }

  /** Removes tag keys that the desired state no longer has. */
  record UntagProfile(String cluster, String name, String arn, Set<String> keys)
      implements ProfileAction {
    public UntagProfile {
      keys = java.util.Collections.unmodifiableSet(new TreeSet<>(keys));
    }

    public String target() {
      return arn;
    }

    @Override
    public Map<String, Object> details() {
      return profileDetails("tagKeys", List.copyOf(keys));
    }
  }

  static List<Object> selectors(Set<Selector> selectors) {
    return selectors.stream()
        .sorted(java.util.Comparator.comparing(Selector::canonical))
        .map(s -> (Object) Map.of("namespace", s.namespace(), "labels", s.labels()))
        .toList();
  }
}
