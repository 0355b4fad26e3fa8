package dev.ekssteward.shared.config;

import java.util.Set;

/** The Fargate reconciler's section: EKS quotas (raise them when AWS raised yours). */
public record FargateConfig(
    int profilesPerCluster, int selectorsPerProfile, int labelsPerSelector, int maxConcurrency) {

  static FargateConfig read(Node node) {
    node.requireObject(Set.of("quotas", "maxConcurrency"));
    Node quotas = node.get("quotas");
    quotas.requireObject(Set.of("profilesPerCluster", "selectorsPerProfile", "labelsPerSelector"));
    return new FargateConfig(
        quotas.get("profilesPerCluster").integer(10, 1, 100),
        quotas.get("selectorsPerProfile").integer(5, 1, 50),
        quotas.get("labelsPerSelector").integer(5, 1, 50),
        node.get("maxConcurrency").integer(4, 1, 64));
  }
}
