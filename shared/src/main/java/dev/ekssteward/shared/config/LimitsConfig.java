package dev.ekssteward.shared.config;

import java.util.Set;

/**
 * The blast-radius cap every function honours (after Cloud Custodian's {@code max-resources}): a
 * run whose plan would make more changes than this applies none of them. What a "change" is, and
 * why restores and creates never count, is in docs/architecture.md#the-change-limit.
 *
 * @param maxChangesPerRun at most this many changes in one run; null: no count limit (a normal
 *     evening scales down a whole fleet, so no fixed number suits every fleet)
 * @param maxChangesPercent at most this percent of the resources the run looked at may be changed
 *     by inference: by a fleet-wide default or by absence from a desired state
 */
public record LimitsConfig(Integer maxChangesPerRun, int maxChangesPercent) {
  /**
   * More than half of what a run looked at taken away by a default or an absence is a mistake far
   * more often than an intent: a {@code defaultSchedule} set on a fleet that relied on tags, or
   * {@code {"prune":true,"profiles":[]}}. Fleets that mean it raise it to 100.
   */
  public static final int DEFAULT_PERCENT = 50;

  static final int MAX_COUNT = 1_000_000;

  static LimitsConfig read(Node node) {
    node.requireObject(Set.of("maxChangesPerRun", "maxChangesPercent"));
    Node count = node.get("maxChangesPerRun");
    return new LimitsConfig(
        count.isMissing() ? null : count.integer(0, 0, MAX_COUNT),
        node.get("maxChangesPercent").integer(DEFAULT_PERCENT, 0, 100));
  }
}
