package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.config.TaggingConfig.TagRule;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.tagging.aws.AsgTags;
import dev.ekssteward.tagging.aws.TaggedResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: which of a node group's policy tags its Auto Scaling groups still lack (EKS never copies
 * node group tags there, containers-roadmap #608).
 */
final class AsgPropagation {
  static final String PENDING = "Tag Propagation Pending";
  static final String INSTANCES_NOT_DONE =
      "propagateToInstances: running instances are not tagged (not implemented: it needs"
          + " ec2:CreateTags and the EC2 SDK); instances launched from now on get the tags"
          + " through PropagateAtLaunch";

  private AsgPropagation() {}

  /**
   * @param after the node group's tags once this plan's own changes are applied
   */
  static void plan(
      TaggingConfig policy,
      TaggedResource nodegroup,
      Map<String, String> after,
      Map<String, AsgTags> asgs,
      List<Action> actions,
      List<Finding> findings) {
    Map<String, String> wanted = new LinkedHashMap<>();
    for (TagRule rule : policy.required()) {
      String value = after.get(rule.key());
      if (!rule.propagateToAsg() || value == null) {
        continue;
      }
      // The ASG copies it to every instance it launches: only a value the policy accepts
      // travels, so a value someone may merely tag never reaches the instances.
      if (TagPolicy.allows(rule, value)) {
        wanted.put(rule.key(), value);
      } else {
        actions.add(
            new Action.Skip(
                nodegroup.ref().arn(),
                rule.key()
                    + " not propagated to the Auto Scaling groups: its value does not"
                    + " comply with the policy"));
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    String arn = nodegroup.ref().arn();
    if (nodegroup.asgNames().isEmpty()) {
      findings.add(pending(nodegroup, null, "the node group reports no Auto Scaling group yet"));
      return;
    }
    for (String name : nodegroup.asgNames()) {
      AsgTags asg = asgs.get(name);
      if (asg == null) {
        findings.add(pending(nodegroup, name, "the Auto Scaling group does not exist yet"));
        continue;
      }
      if (!nodegroup.ref().cluster().equals(asg.clusterTag())) {
        actions.add(
            new Action.Skip(
                name, "not tagged " + AsgTags.CLUSTER_TAG + "=" + nodegroup.ref().cluster()));
        continue;
      }
      Map<String, String> missing = new LinkedHashMap<>();
      wanted.forEach(
          (k, v) -> {
            if (!v.equals(asg.propagating().get(k))) {
              missing.put(k, v);
            }
          });
      if (!missing.isEmpty() && asg.count() + missing.size() > TagLimits.MAX_TAGS) {
        // Conservative: a key it holds without propagation is counted as new.
        Map<String, Object> detail = TagPlanner.resource(nodegroup);
        detail.put("autoScalingGroup", name);
        detail.put("limit", TagLimits.MAX_TAGS);
        detail.put("tagCount", asg.count());
        detail.put("withheldKeys", List.copyOf(missing.keySet()));
        findings.add(new Finding(TagPlanner.LIMIT, arn, detail));
      } else if (!missing.isEmpty()) {
        actions.add(new PropagateToAsg(name, arn, missing));
      }
    }
    if (policy.propagateToInstances()) {
      actions.add(new Action.Skip(arn, INSTANCES_NOT_DONE));
    }
  }

  static Finding pending(TaggedResource nodegroup, String asg, String reason) {
    Map<String, Object> detail = TagPlanner.resource(nodegroup);
    detail.put("autoScalingGroup", asg);
    detail.put("reason", reason);
    detail.put("next", "the next sweep propagates the tags");
    return new Finding(PENDING, nodegroup.ref().arn(), detail);
  }
}
