package dev.ekssteward.cli;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.tagging.ClusterTagsReader;
import dev.ekssteward.tagging.aws.SdkTaggingApi;
import dev.ekssteward.tagging.plan.ComplianceSummary;
import dev.ekssteward.tagging.plan.TagPlanner;
import java.util.HashMap;
import java.util.Map;

/**
 * The tag enforcer's {@code Tag Compliance Summary} of the clusters {@code status} scans, made as
 * its sweep makes it: its own reader ({@link ClusterTagsReader}) and planner ({@link TagPlanner}),
 * summed into its own summary ({@link ComplianceSummary}); "fixed" means "would be fixed", since
 * nothing is applied. Costs the reader's calls per cluster (DescribeCluster, ListNodegroups,
 * DescribeNodegroup, ListFargateProfiles, DescribeFargateProfile; the ASGs when a rule propagates).
 */
final class TagCompliance {
  private final ClusterTagsReader reader;
  private final TaggingConfig policy;
  private final Map<String, Double> metrics = new HashMap<>();

  TagCompliance(AwsClients clients, TaggingConfig policy) {
    this.reader = new ClusterTagsReader(new SdkTaggingApi(clients));
    this.policy = policy;
  }

  void scan(Target target, String cluster) {
    var observed = reader.read(target, cluster, policy, Selection.ALL);
    TagPlanner.plan(observed, policy, Selection.ALL)
        .metrics()
        .forEach((k, v) -> metrics.merge(k, v, Double::sum));
  }

  /** The summary's detail: per resource type compliant / fixed / violating, exempt, excluded. */
  Map<String, Object> summary() {
    return ComplianceSummary.of(policy, metrics, true).detail();
  }
}
