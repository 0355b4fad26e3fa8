package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.pipeline.Action;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The mutations the planner asks for, one record per EKS call. */
public sealed interface ProfileAction extends Action {
  String cluster();

  /** The profile the call is about. */
  String name();

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
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("cluster", cluster);
      d.put("profile", name);
      d.put("logicalName", logicalName);
      d.put("podExecutionRoleArn", spec.podExecutionRoleArn());
      d.put("subnets", List.copyOf(spec.subnets()));
      d.put("selectors", selectors(spec.selectors()));
      d.put("tags", tags);
      if (replaces != null) {
        d.put("replaces", replaces);
      }
      return d;
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
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("cluster", cluster);
      d.put("profile", name);
      d.put("reason", reason.name().toLowerCase(java.util.Locale.ROOT));
      if (replacedBy != null) {
        d.put("replacedBy", replacedBy);
      }
      return d;
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
      return Map.of("cluster", cluster, "profile", name, "tags", tags);
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
      return Map.of("cluster", cluster, "profile", name);
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
      return Map.of("cluster", cluster, "profile", name, "tagKeys", List.copyOf(keys));
    }
  }

  static List<Object> selectors(Set<Selector> selectors) {
    return selectors.stream()
        .sorted(java.util.Comparator.comparing(Selector::canonical))
        .map(s -> (Object) Map.of("namespace", s.namespace(), "labels", s.labels()))
        .toList();
  }
}
