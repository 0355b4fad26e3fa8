package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import dev.ekssteward.tagging.aws.ResourceRef;
import dev.ekssteward.tagging.aws.TaggedResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pure: the tag policy over one cluster's observed resources, as actions and findings. */
public final class TagPlanner {
  public static final String VIOLATION = "Tag Policy Violation";
  public static final String LIMIT = "Tag Limit Reached";

  private TagPlanner() {}

  /** As a dry run plans, which is how the operator CLI's status counts: nothing is applied. */
  public static Plan plan(ClusterTags observed, TaggingConfig policy, Selection selection) {
    return plan(observed, policy, selection, true);
  }

  /**
   * @param selection what the trigger named: everything (a sweep), or the one resource a CloudTrail
   *     call concerns, which supplies the creator of a created resource and the keys an
   *     UntagResource removed
   * @param dryRun nothing is applied, so a planned fix counts as (would be) fixed now; otherwise
   *     only its applied TagResource counts it
   */
  public static Plan plan(
      ClusterTags observed, TaggingConfig policy, Selection selection, boolean dryRun) {
    String cluster = observed.cluster();
    if (!observed.exists()) {
      return Plan.of(
          List.of(new Action.Skip("cluster/" + cluster, "cluster not found")), List.of());
    }
    if (TagPolicy.exempt(policy, cluster)) {
      return new Plan(
          List.of(new Action.Skip("cluster/" + cluster, "exempt by tagging.exemptClusters")),
          List.of(),
          Map.of(ComplianceSummary.EXEMPT_METRIC, 1.0),
          null);
    }
    if (observed.excluded()) {
      return new Plan(
          List.of(new Action.Skip("cluster/" + cluster, Contract.EXCLUDE_TAG + "=true")),
          List.of(),
          Map.of(ComplianceSummary.EXCLUDED_METRIC, 1.0),
          null);
    }
    Selection.One event = selection instanceof Selection.One one ? one : null;
    List<Action> actions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Map<String, Double> metrics = new HashMap<>();
    for (TaggedResource r : observed.resources()) {
      // The tag takes a node group out of every function's scope, as it does a cluster: neither
      // it nor its ASGs are touched, and it is counted as excluded rather than by compliance.
      if (r.ref().type().equals(ResourceRef.NODEGROUP) && ClusterTags.excluded(r.tags())) {
        actions.add(new Action.Skip(r.ref().arn(), Contract.EXCLUDE_TAG + "=true"));
        metrics.merge(ComplianceSummary.EXCLUDED_NODEGROUPS_METRIC, 1.0, Double::sum);
        continue;
      }
      // Tags on a resource EKS is deleting, or on its ASGs, are lost with it: calls for nothing.
      if (TaggedResource.DELETING.equals(r.status())) {
        actions.add(new Action.Skip(r.ref().arn(), "status DELETING; not tagged"));
        continue;
      }
      boolean concerned = event != null && concerns(event, r.ref());
      Evaluation e =
          TagPolicy.evaluate(
              policy,
              cluster,
              r.tags(),
              concerned && event.created() ? Creator.of(event.caller()) : null,
              concerned ? event.keys() : List.of());
      boolean fixes = e.compliance().equals(ComplianceSummary.FIXED);
      if (!e.changes().isEmpty()) {
        actions.add(new ApplyTags(r.ref().arn(), r.ref().type(), e.changes(), e.reasons(), fixes));
      }
      e.violations().forEach(v -> findings.add(violation(r, v)));
      if (!e.withheld().isEmpty()) {
        findings.add(limit(r, e.withheld()));
      }
      if (fixes) {
        metrics.merge(ComplianceSummary.planned(r.ref().type()), 1.0, Double::sum);
      }
      if (!fixes || dryRun) {
        metrics.merge(ComplianceSummary.metric(e.compliance(), r.ref().type()), 1.0, Double::sum);
      }
      if (r.ref().type().equals(ResourceRef.NODEGROUP)) {
        Map<String, String> after = new HashMap<>(r.tags());
        after.putAll(e.changes());
        AsgPropagation.plan(policy, r, after, observed.asgs(), actions, findings);
      }
    }
    return new Plan(actions, findings, metrics, null, null, reach(observed, actions));
  }

  /**
   * Of the resources looked at, those whose tags get a value overwritten (normalized): an
   * attribute-based access condition may match the old value. Defaults and creators only add; the
   * enforcer never removes a tag. None is inferred: the policy names each key it rewrites.
   */
  private static Reach reach(ClusterTags observed, List<Action> actions) {
    int overwrites =
        (int)
            actions.stream()
                .filter(ApplyTags.class::isInstance)
                .filter(a -> ((ApplyTags) a).reasons().containsValue("normalized"))
                .count();
    return new Reach(observed.resources().size(), overwrites, 0);
  }

  /** The call named this resource (its cluster is the scope's, so kind and name suffice). */
  private static boolean concerns(Selection.One event, ResourceRef ref) {
    return ref.type().equals(event.kind()) && ref.name().equals(event.name());
  }

  static Finding violation(TaggedResource r, Violation v) {
    Map<String, Object> detail = resource(r);
    detail.put("key", v.key());
    detail.put("value", v.value());
    detail.put("rule", v.rule());
    detail.put("problem", v.value() == null ? "missing" : "value not allowed");
    return new Finding(VIOLATION, r.ref().arn(), detail);
  }

  static Finding limit(TaggedResource r, List<String> withheld) {
    Map<String, Object> detail = resource(r);
    detail.put("limit", TagLimits.MAX_TAGS);
    detail.put("tagCount", r.tags().size());
    detail.put("withheldKeys", withheld);
    return new Finding(LIMIT, r.ref().arn(), detail);
  }

  static Map<String, Object> resource(TaggedResource r) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("resource", r.ref().arn());
    d.put("resourceType", r.ref().type());
    d.put("cluster", r.ref().cluster());
    d.put("name", r.ref().name());
    return d;
  }
}
