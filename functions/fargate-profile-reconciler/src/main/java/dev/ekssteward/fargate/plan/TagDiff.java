package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.fargate.plan.ProfileAction.UntagProfile;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.TaggingConfig.TagRule;
import dev.ekssteward.shared.pipeline.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Tag changes in place. Keys the tag policy owns (required keys, the creator key) and {@code aws:}
 * keys are never removed, so this function and the tag enforcer do not undo each other; nor are
 * keys under {@code eks-steward/} (the managed mark, which {@code MarkManaged} signs, or another
 * function's): IAM allows the reconciler none of them (template: TagProfiles). A value of a key the
 * policy normalises is written and compared in the policy's form ({@code Prod} as {@code prod}):
 * the tag enforcer rewrites any other form, and the two would undo each other forever.
 */
final class TagDiff {
  private TagDiff() {}

  /** The desired tags as they are written, on create and in place: policy keys normalised. */
  static Map<String, String> wanted(Map<String, String> desired, Map<String, TagRule> policyRules) {
    Map<String, String> out = new TreeMap<>();
    desired.forEach(
        (k, v) -> {
          TagRule rule = policyRules.get(k);
          out.put(k, rule == null ? v : rule.normalized(v));
        });
    return out;
  }

  /** {@code expected}: from {@link #wanted}. */
  static List<Action> actions(
      String cluster, ObservedProfile p, Map<String, String> expected, Set<String> policyKeys) {
    Map<String, String> add = new TreeMap<>();
    expected.forEach(
        (k, v) -> {
          if (!v.equals(p.tags().get(k))) {
            add.put(k, v);
          }
        });
    Set<String> remove = new TreeSet<>();
    for (String k : p.tags().keySet()) {
      if (!expected.containsKey(k)
          && !k.startsWith(Contract.TAG_PREFIX)
          && !policyKeys.contains(k)
          && !k.toLowerCase(Locale.ROOT).startsWith("aws:")) {
        remove.add(k);
      }
    }
    List<Action> out = new ArrayList<>();
    if (!add.isEmpty()) {
      out.add(new TagProfile(cluster, p.name(), p.arn(), add));
    }
    if (!remove.isEmpty()) {
      out.add(new UntagProfile(cluster, p.name(), p.arn(), remove));
    }
    return out;
  }
}
