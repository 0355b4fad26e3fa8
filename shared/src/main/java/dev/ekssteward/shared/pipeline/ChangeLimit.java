package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.config.LimitsConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: whether a run's first plans, summed over every scope, stay within {@code limits}. A run
 * that exceeds either limit applies nothing; the verdict says which limit and with what counts.
 */
public final class ChangeLimit {
  /** The audit event's detail-type, and (without spaces) the metric its alarm watches. */
  public static final String EXCEEDED = "Change Limit Exceeded";

  public static final String METRIC = "ChangeLimitExceeded";

  /** The report's status when the limits stopped the run. */
  public static final String STATUS = "limit-exceeded";

  /** The run's counts against its limits; {@code exceeded} empty when it may go ahead. */
  public record Verdict(Reach reach, LimitsConfig limits, List<String> exceeded) {
    public boolean allowed() {
      return exceeded.isEmpty();
    }

    /** The counts, as the report's {@code limits} and the audit event's detail show them. */
    public Map<String, Object> detail() {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("lookedAt", reach.lookedAt());
      d.put("changes", reach.changes());
      d.put("inferredChanges", reach.inferred());
      d.put("inferredPercent", percent(reach));
      if (limits.maxChangesPerRun() != null) {
        d.put("maxChangesPerRun", limits.maxChangesPerRun());
      }
      d.put("maxChangesPercent", limits.maxChangesPercent());
      d.put("exceeded", exceeded);
      return d;
    }

    public String reason() {
      return String.join("; ", exceeded) + "; nothing was applied";
    }
  }

  private ChangeLimit() {}

  public static Verdict check(Reach reach, LimitsConfig limits) {
    List<String> exceeded = new ArrayList<>();
    Integer max = limits.maxChangesPerRun();
    if (max != null && reach.changes() > max) {
      exceeded.add(
          "the plan makes " + reach.changes() + " changes, limits.maxChangesPerRun is " + max);
    }
    // Whole numbers only: inferred / lookedAt > percent / 100, without rounding.
    if ((long) reach.inferred() * 100 > (long) limits.maxChangesPercent() * reach.lookedAt()) {
      exceeded.add(
          "the plan makes "
              + reach.inferred()
              + " inferred changes to the "
              + reach.lookedAt()
              + " resources it looked at ("
              + percent(reach)
              + "%), limits.maxChangesPercent is "
              + limits.maxChangesPercent());
    }
    return new Verdict(reach, limits, List.copyOf(exceeded));
  }

  /** Inferred changes as a percent of what was looked at, to one decimal. */
  static double percent(Reach reach) {
    if (reach.lookedAt() == 0) {
      return reach.inferred() == 0 ? 0.0 : 100.0;
    }
    return Math.round(reach.inferred() * 1000.0 / reach.lookedAt()) / 10.0;
  }
}
