package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.Glob;
import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.config.TaggingConfig.TagRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Pure: what the tag policy wants changed on one resource, and what it can only report. */
public final class TagPolicy {
  private TagPolicy() {}

  public static boolean exempt(TaggingConfig policy, String cluster) {
    return Glob.anyMatch(policy.exemptClusters(), cluster);
  }

  /**
   * @param tags the resource's current tags
   * @param creator the creator to record (creation events only), or null
   * @param removed keys someone just removed (UntagResource); a default put back is "restored"
   */
  public static Evaluation evaluate(
      TaggingConfig policy,
      String cluster,
      Map<String, String> tags,
      String creator,
      Collection<String> removed) {
    if (exempt(policy, cluster)) {
      return Evaluation.exemptResource();
    }
    Map<String, String> changes = new LinkedHashMap<>();
    Map<String, String> reasons = new LinkedHashMap<>();
    List<Violation> violations = new ArrayList<>();
    for (TagRule rule : policy.required()) {
      String value = tags.get(rule.key());
      if (value == null) {
        if (rule.defaultValue() != null) {
          changes.put(rule.key(), rule.defaultValue());
          reasons.put(rule.key(), removed.contains(rule.key()) ? "restored" : "default");
        } else {
          violations.add(new Violation(rule.key(), null, missing(rule)));
        }
        continue;
      }
      String normalized = rule.normalized(value);
      if (!allows(rule, normalized)) {
        violations.add(new Violation(rule.key(), value, describe(rule)));
      } else if (!normalized.equals(value)) {
        changes.put(rule.key(), normalized);
        reasons.put(rule.key(), "normalized");
      }
    }
    String key = policy.creatorTagKey();
    if (key != null && creator != null && !tags.containsKey(key)) {
      changes.put(key, creator);
      reasons.put(key, "creator");
    }
    List<String> withheld = overLimit(tags, changes, key);
    withheld.forEach(k -> reasons.remove(k));
    return new Evaluation(changes, reasons, violations, withheld, false);
  }

  /**
   * Removes (and returns) the new keys that would take the resource past the tag limit; those that
   * fit stay: the creator first (only a creation event knows it, while a later sweep can still add
   * a default once there is room), then the required keys in policy order ({@code changes}' order).
   * Tags under {@code aws:} are the system's and do not count toward the limit (EKS's tag
   * restrictions).
   */
  static List<String> overLimit(
      Map<String, String> tags, Map<String, String> changes, String creatorKey) {
    List<String> added = new ArrayList<>();
    changes.keySet().stream().filter(k -> !tags.containsKey(k)).forEach(added::add);
    if (added.remove(creatorKey)) {
      added.add(0, creatorKey);
    }
    long counted = tags.keySet().stream().filter(k -> !system(k)).count();
    int room = (int) Math.max(0, TagLimits.MAX_TAGS - counted);
    if (added.size() <= room) {
      return new ArrayList<>();
    }
    List<String> withheld = new ArrayList<>(added.subList(room, added.size()));
    withheld.forEach(changes::remove);
    return withheld;
  }

  /** A system tag ({@code aws:cloudformation:stack-name}): not counted, never written here. */
  private static boolean system(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith("aws:");
  }

  static boolean allows(TagRule rule, String value) {
    if (!rule.allowed().isEmpty()) {
      return rule.allowed().contains(value);
    }
    return rule.pattern() == null || rule.pattern().matcher(value).matches();
  }

  static String missing(TagRule rule) {
    String constraint = describe(rule);
    return constraint.equals("required") ? constraint : "required (" + constraint + ")";
  }

  /** The rule in words for the violation event. */
  static String describe(TagRule rule) {
    if (!rule.allowed().isEmpty()) {
      return "allowed: " + rule.allowed();
    }
    return rule.pattern() != null ? "pattern: " + rule.pattern().pattern() : "required";
  }
}
