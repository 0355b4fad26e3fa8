package dev.ekssteward.fargate.plan;

import java.util.Map;
import java.util.Set;

/**
 * What bounds a cluster's plan besides desired and observed state.
 *
 * @param profileQuota profiles per cluster EKS allows
 * @param policyTagKeys tag keys the tag policy owns; never removed here
 * @param rejected profiles whose create or delete EKS refused earlier in this invocation (name to
 *     reason): not asked again until the next trigger, so a refusal is not retried in a tight loop
 */
public record Limits(int profileQuota, Set<String> policyTagKeys, Map<String, String> rejected) {
  public Limits {
    policyTagKeys = Set.copyOf(policyTagKeys);
    rejected = Map.copyOf(rejected);
  }
}
