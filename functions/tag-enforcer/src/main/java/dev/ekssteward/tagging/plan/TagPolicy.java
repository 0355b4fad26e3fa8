package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.Glob;
import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.config.TaggingConfig.TagRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
    List<String> withheld = overLimit(tags, changes);
    withheld.forEach(k -> reasons.remove(k));
    return new Evaluation(changes, reasons, violations, withheld, false);
  }

  /** Removes (and returns) the new keys that would take the resource past the tag limit. */
  static List<String> overLimit(Map<String, String> tags, Map<String, String> changes) {
    List<String> added = changes.keySet().stream().filter(k -> !tags.containsKey(k)).toList();
    if (tags.size() + added.size() <= TagLimits.MAX_TAGS) {
      return new ArrayList<>();
    }
    added.forEach(changes::remove);
    return new ArrayList<>(added);
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
