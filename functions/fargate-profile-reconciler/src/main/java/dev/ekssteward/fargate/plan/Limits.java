package dev.ekssteward.fargate.plan;

import java.util.Set;

/**
 * What bounds a cluster's plan besides desired and observed state.
 *
 * @param profileQuota profiles per cluster EKS allows
 * @param policyTagKeys tag keys the tag policy owns; never removed here
 */
public record Limits(int profileQuota, Set<String> policyTagKeys) {
  public Limits {
    policyTagKeys = Set.copyOf(policyTagKeys);
  }
}
