package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.pipeline.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's one {@code Tag Compliance Summary}: per resource type how many resources were
 * compliant, fixed (defaults, normalization, creator) or violating; excluded clusters and node
 * groups and exempt clusters only by number. Built from the EMF metrics the run contributed, so the
 * pipeline sums the scopes and this class only reads. The plans count compliant, violating and
 * every planned fix; a fix counts as fixed only once its TagResource was applied ({@link
 * ApplyTags#outcomeMetrics}), except in a dry run, where the plan counts it: would be fixed. A
 * planned fix not made (refused, failed, busy, gone, or not attempted because the change limit or
 * the deadline stopped the run) is {@code unfixed}.
 */
public final class ComplianceSummary {
  public static final String DETAIL_TYPE = "Tag Compliance Summary";
  static final String EXEMPT_METRIC = "TagExemptClusters";
  static final String EXCLUDED_METRIC = "TagExcludedClusters";
  static final String EXCLUDED_NODEGROUPS_METRIC = "TagExcludedNodegroups";
  static final String FIXED = "fixed";
  static final List<String> STATES = List.of("compliant", FIXED, "violating");
  static final String UNFIXED_MEANS =
      "a fix planned in this run but not made: TagResource refused or failed, the resource busy"
          + " or gone, or not attempted (change limit, time); the next sweep tries again";

  private ComplianceSummary() {}

  /** EMF metric name, e.g. {@code TagFixedNodegroup}. */
  static String metric(String compliance, String type) {
    return "Tag" + capital(compliance) + capital(type);
  }

  /** EMF metric of the fixes planned, made or not, e.g. {@code TagFixPlannedNodegroup}. */
  static String planned(String type) {
    return "TagFixPlanned" + capital(type);
  }

  public static Finding of(TaggingConfig policy, Map<String, Double> metrics, boolean dryRun) {
    Map<String, Object> perType = new LinkedHashMap<>();
    for (String type : policy.resourceTypes()) {
      Map<String, Object> counts = new LinkedHashMap<>();
      for (String state : STATES) {
        counts.put(state, count(metrics, metric(state, type)));
      }
      if (!dryRun) {
        long unfixed = count(metrics, planned(type)) - count(metrics, metric(FIXED, type));
        counts.put("unfixed", Math.max(0, unfixed));
      }
      perType.put(type, counts);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("compliance", perType);
    detail.put("exemptClusters", count(metrics, EXEMPT_METRIC));
    detail.put("excludedClusters", count(metrics, EXCLUDED_METRIC));
    detail.put("excludedNodegroups", count(metrics, EXCLUDED_NODEGROUPS_METRIC));
    detail.put(
        "fixedMeans", dryRun ? "would be fixed (dry-run)" : "fixed in this run (see Tags Applied)");
    if (!dryRun) {
      detail.put("unfixedMeans", UNFIXED_MEANS);
    }
    return new Finding(DETAIL_TYPE, null, detail);
  }

  private static long count(Map<String, Double> metrics, String name) {
    return metrics.getOrDefault(name, 0.0).longValue();
  }

  private static String capital(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
