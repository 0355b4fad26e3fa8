package dev.ekssteward.shared.config;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.ekssteward.shared.Contract;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The tag policy. Validated against EKS tag limits so it can never produce a rejected tag. */
public record TaggingConfig(
    List<String> resourceTypes,
    String creatorTagKey,
    List<TagRule> required,
    List<String> exemptClusters,
    boolean propagateToInstances,
    int maxConcurrency) {

  public static final Set<String> RESOURCE_TYPES = Set.of("cluster", "nodegroup", "fargateprofile");

  /**
   * One required tag key. {@code allowed} and {@code pattern} are mutually exclusive.
   *
   * @param defaultValue already {@link #normalized}: the config's {@code "Payments"} under {@code
   *     "normalize": "lower"} is {@code payments}
   */
  public record TagRule(
      String key,
      List<String> allowed,
      Pattern pattern,
      String defaultValue,
      boolean propagateToAsg,
      String normalize) {

    /**
     * {@code value} as the policy writes it ({@code normalize}: lower or upper case, else as it
     * is). The one definition: the config check, the tag enforcer and the Fargate reconciler all
     * use it, so no two of them write different forms of the same value.
     */
    public String normalized(String value) {
      return normalized(value, normalize);
    }

    /** The same, while the config is read and the rule not made yet. */
    static String normalized(String value, String normalize) {
      if ("lower".equals(normalize)) {
        return value.toLowerCase(Locale.ROOT);
      }
      return "upper".equals(normalize) ? value.toUpperCase(Locale.ROOT) : value;
    }
  }

  static TaggingConfig read(Node node) {
    node.requireObject(
        Set.of(
            "resourceTypes",
            "creatorTagKey",
            "required",
            "exemptClusters",
            "propagateToInstances",
            "maxConcurrency"));
    List<String> types =
        node.get("resourceTypes").strings(List.of("cluster", "nodegroup", "fargateprofile"));
    List<Node> typeNodes = node.get("resourceTypes").items();
    for (int i = 0; i < types.size() && i < typeNodes.size(); i++) {
      if (!RESOURCE_TYPES.contains(types.get(i))) {
        typeNodes.get(i).error("must be one of cluster, nodegroup, fargateprofile");
      }
    }
    String creator = node.get("creatorTagKey").string(null);
    if (creator != null && keyProblem(creator) != null) {
      node.get("creatorTagKey").error(keyProblem(creator));
    }
    List<Node> ruleNodes = node.get("required").items();
    List<TagRule> rules = ruleNodes.stream().map(TaggingConfig::rule).toList();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i).key() != null && !seen.add(rules.get(i).key())) {
        ruleNodes.get(i).get("key").error("duplicate required key '" + rules.get(i).key() + "'");
      }
    }
    int reserved = creator == null ? 0 : 1;
    if (rules.size() + reserved > TagLimits.MAX_TAGS) {
      node.get("required")
          .error(
              "the policy sets "
                  + (rules.size() + reserved)
                  + " tag keys (required keys plus creatorTagKey) but a resource holds at most "
                  + TagLimits.MAX_TAGS
                  + " tags");
    }
    if (creator != null && seen.contains(creator)) {
      node.get("creatorTagKey").error("'" + creator + "' is also a required key; use another key");
    }
    return new TaggingConfig(
        types,
        creator,
        rules,
        node.get("exemptClusters").strings(List.of()),
        node.get("propagateToInstances").bool(false),
        node.get("maxConcurrency").integer(SchedulerConfig.DEFAULT_CONCURRENCY, 1, 64));
  }

  private static TagRule rule(Node node) {
    if (!node.requireObject(
        Set.of("key", "allowed", "pattern", "default", "propagateToAsg", "normalize"))) {
      node.error("must be an object with a key");
      return new TagRule(null, List.of(), null, null, false, null);
    }
    String key = node.get("key").requiredString();
    if (key != null && keyProblem(key) != null) {
      node.get("key").error(keyProblem(key));
    }
    List<String> allowed = node.get("allowed").strings(List.of());
    List<Node> allowedNodes = node.get("allowed").items();
    for (int i = 0; i < allowed.size() && i < allowedNodes.size(); i++) {
      String problem = TagLimits.valueProblem(allowed.get(i));
      if (problem != null) {
        allowedNodes.get(i).error(problem);
      }
    }
    Pattern pattern = null;
    String regex = node.get("pattern").string(null);
    if (regex != null) {
      if (!allowed.isEmpty()) {
        node.get("pattern").error("use either allowed or pattern, not both");
      }
      try {
        pattern = Pattern.compile(regex);
      } catch (PatternSyntaxException e) {
        // RE2 syntax: no backreferences or lookaround, which is what keeps matching linear.
        node.get("pattern").error("not a valid RE2 regular expression: " + e.getDescription());
      }
    }
    String normalize = node.get("normalize").string(null);
    if (normalize != null && !normalize.equals("lower") && !normalize.equals("upper")) {
      node.get("normalize").error("must be \"lower\" or \"upper\"");
    } else if (normalize != null) {
      for (int i = 0; i < allowed.size() && i < allowedNodes.size(); i++) {
        if (!allowed.get(i).equals(TagRule.normalized(allowed.get(i), normalize))) {
          allowedNodes.get(i).error("is not " + normalize + " case, so no value can match it");
        }
      }
    }
    String fallback = node.get("default").string(null);
    if (fallback != null) {
      // Kept in the form the policy writes and accepts: every write of it is already compliant,
      // and a default that propagates to the ASGs passes the same check as any other value.
      fallback = TagRule.normalized(fallback, normalize);
      String problem = TagLimits.valueProblem(fallback);
      if (problem != null) {
        node.get("default").error(problem);
      } else if (!allowed.isEmpty() && !allowed.contains(fallback)) {
        node.get("default").error("is not one of the allowed values");
      } else if (pattern != null && !pattern.matcher(fallback).matches()) {
        node.get("default").error("does not match pattern");
      }
    }
    return new TagRule(
        key, allowed, pattern, fallback, node.get("propagateToAsg").bool(false), normalize);
  }

  /** EKS's rules for a key, and the steward's own prefix, which no policy may write. */
  private static String keyProblem(String key) {
    if (key.startsWith(Contract.TAG_PREFIX)) {
      return "keys under " + Contract.TAG_PREFIX + " are reserved for eks-steward's own tags";
    }
    return TagLimits.keyProblem(key);
  }
}
