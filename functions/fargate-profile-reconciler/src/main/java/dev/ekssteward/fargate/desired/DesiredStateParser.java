package dev.ekssteward.fargate.desired;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.FargateConfig;
import dev.ekssteward.shared.config.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates a desired-state document against the EKS rules, collecting every error with
 * its JSON path. The caller acts only on a document without errors.
 */
public final class DesiredStateParser {
  /** The result: {@code state} is null whenever {@code errors} is not empty. */
  public record Parsed(DesiredState state, List<ConfigError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  private DesiredStateParser() {}

  public static Parsed parse(String text, FargateConfig quotas) {
    List<ConfigError> errors = new ArrayList<>();
    Node root = Node.parse(text, errors);
    if (!root.isMissing() && !root.requireObject(Set.of("prune", "profiles"))) {
      return new Parsed(null, errors);
    }
    if (root.isMissing() && errors.isEmpty()) {
      root.error("must be an object");
    }
    boolean prune = root.get("prune").bool(false);
    List<Node> items = root.get("profiles").items();
    if (root.get("profiles").isMissing() && !root.isMissing()) {
      root.get("profiles").error("is required (an empty list is allowed)");
    }
    if (items.size() > quotas.profilesPerCluster()) {
      root.get("profiles")
          .error(
              "has "
                  + items.size()
                  + " profiles; the quota is "
                  + quotas.profilesPerCluster()
                  + " per cluster");
    }
    List<DesiredProfile> profiles = new ArrayList<>();
    Map<String, String> names = new HashMap<>();
    Map<Set<Selector>, String> selectorSets = new HashMap<>();
    for (Node item : items) {
      DesiredProfile p = ProfileRules.profile(item, quotas);
      if (p == null) {
        continue;
      }
      String sameName = names.putIfAbsent(p.name(), item.path());
      if (sameName != null) {
        item.get("name").error("'" + p.name() + "' is already used by " + sameName);
      }
      String sameSelectors = selectorSets.putIfAbsent(p.spec().selectors(), item.path());
      if (sameSelectors != null) {
        item.get("selectors").error("are the same selectors as " + sameSelectors);
      }
      profiles.add(p);
    }
    checkDerivedNames(profiles, items, errors);
    if (!errors.isEmpty()) {
      return new Parsed(null, List.copyOf(errors));
    }
    return new Parsed(new DesiredState(prune, profiles), List.of());
  }

  /** A profile named like another's replacement ({@code a} and {@code a-0123abcd}) is ambiguous. */
  private static void checkDerivedNames(
      List<DesiredProfile> profiles, List<Node> items, List<ConfigError> errors) {
    Set<String> seen = new HashSet<>();
    for (DesiredProfile a : profiles) {
      for (DesiredProfile b : profiles) {
        if (!a.name().equals(b.name()) && a.namedLike(b.name()) && seen.add(b.name())) {
          errors.add(
              new ConfigError(
                  pathOf(b, profiles, items) + ".name",
                  "looks like a replacement name of '" + a.name() + "'; choose another name"));
        }
      }
    }
  }

  private static String pathOf(DesiredProfile p, List<DesiredProfile> profiles, List<Node> items) {
    for (Node item : items) {
      if (p.name().equals(item.get("name").raw())) {
        return item.path();
      }
    }
    return "$.profiles[" + profiles.indexOf(p) + "]";
  }
}
