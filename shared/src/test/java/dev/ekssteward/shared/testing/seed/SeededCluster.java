package dev.ekssteward.shared.testing.seed;

import static dev.ekssteward.shared.testing.seed.SeededFleet.found;

import java.util.Map;

/**
 * One seeded cluster as the local AWS describes it.
 *
 * @param name the cluster's name
 * @param arn the cluster's ARN
 * @param issuer its OIDC issuer URL (moto draws one per cluster)
 * @param nodegroupArns the seeded node groups' ARNs by name
 * @param autoScalingGroups the Auto Scaling group name each seeded node group reports, by name
 * @param fargateProfileArns the seeded profiles' ARNs by name
 */
public record SeededCluster(
    String name,
    String arn,
    String issuer,
    Map<String, String> nodegroupArns,
    Map<String, String> autoScalingGroups,
    Map<String, String> fargateProfileArns) {

  public String nodegroupArn(String nodegroup) {
    return found(nodegroupArns, nodegroup, "node group");
  }

  public String autoScalingGroup(String nodegroup) {
    return found(autoScalingGroups, nodegroup, "node group");
  }

  public String fargateProfileArn(String profile) {
    return found(fargateProfileArns, profile, "Fargate profile");
  }
}
