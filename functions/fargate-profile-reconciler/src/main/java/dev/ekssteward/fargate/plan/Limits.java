package dev.ekssteward.fargate.plan;

import dev.ekssteward.shared.config.TaggingConfig.TagRule;
import java.util.Map;
import java.util.Set;

/**
 * What bounds a cluster's plan besides desired and observed state.
 *
 * @param profileQuota profiles per cluster EKS allows
 * @param policyTagKeys tag keys the tag policy owns; never removed here
 * @param policyRules by key, the tag policy's rules whose values the tag enforcer normalises on
 *     this cluster's profiles: such a value is written and compared in the policy's form
 */
public record Limits(
    int profileQuota, Set<String> policyTagKeys, Map<String, TagRule> policyRules) {
  public Limits {
    policyTagKeys = Set.copyOf(policyTagKeys);
    policyRules = Map.copyOf(policyRules);
  }

  public Limits(int profileQuota, Set<String> policyTagKeys) {
    this(profileQuota, policyTagKeys, Map.of());
  }
}
