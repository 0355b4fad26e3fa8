package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.pipeline.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sweep's one {@code Tag Compliance Summary}: per resource type how many resources were
 * compliant, fixed (defaults, normalization, creator) or violating. Built from the EMF metrics the
 * plans of every cluster contributed, so the pipeline sums the scopes and this class only reads.
 */
public final class ComplianceSummary {
  public static final String DETAIL_TYPE = "Tag Compliance Summary";
  static final String EXEMPT_METRIC = "TagExemptClusters";
  static final String EXCLUDED_METRIC = "TagExcludedClusters";
  static final List<String> STATES = List.of("compliant", "fixed", "violating");

  private ComplianceSummary() {}

  /** EMF metric name, e.g. {@code TagFixedNodegroup}. */
  static String metric(String compliance, String type) {
    return "Tag" + capital(compliance) + capital(type);
  }

  public static Finding of(TaggingConfig policy, Map<String, Double> metrics, boolean dryRun) {
    Map<String, Object> perType = new LinkedHashMap<>();
    for (String type : policy.resourceTypes()) {
      Map<String, Object> counts = new LinkedHashMap<>();
      for (String state : STATES) {
        counts.put(state, metrics.getOrDefault(metric(state, type), 0.0).longValue());
      }
      perType.put(type, counts);
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("compliance", perType);
    detail.put("exemptClusters", metrics.getOrDefault(EXEMPT_METRIC, 0.0).longValue());
    detail.put("excludedClusters", metrics.getOrDefault(EXCLUDED_METRIC, 0.0).longValue());
    detail.put(
        "fixedMeans", dryRun ? "would be fixed (dry-run)" : "fixed in this run (see Tags Applied)");
    return new Finding(DETAIL_TYPE, null, detail);
  }

  private static String capital(String s) {
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
  }
}
