package dev.ekssteward.tagging.plan;

import java.util.List;
import java.util.Map;

/**
 * The policy applied to one resource's tags.
 *
 * @param changes only the keys to write, with their new values (never other tags)
 * @param reasons why each key changes: {@code default}, {@code restored}, {@code normalized},
 *     {@code creator}
 * @param violations what the policy cannot fix on its own
 * @param withheld new keys left out because the resource would pass the 50-tag limit
 * @param exempt the resource's cluster is exempt; everything else is empty
 */
public record Evaluation(
    Map<String, String> changes,
    Map<String, String> reasons,
    List<Violation> violations,
    List<String> withheld,
    boolean exempt) {

  public Evaluation {
    changes = Map.copyOf(changes);
    reasons = Map.copyOf(reasons);
    violations = List.copyOf(violations);
    withheld = List.copyOf(withheld);
  }

  static Evaluation exemptResource() {
    return new Evaluation(Map.of(), Map.of(), List.of(), List.of(), true);
  }

  /**
   * compliant, fixed or violating. "fixed": its changes are all it lacks to comply; the compliance
   * summary counts it fixed once they are written (in a dry run: would be fixed).
   */
  public String compliance() {
    if (!violations.isEmpty() || !withheld.isEmpty()) {
      return "violating";
    }
    return changes.isEmpty() ? "compliant" : "fixed";
  }
}
