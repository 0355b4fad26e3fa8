package dev.ekssteward.scheduler.eks;

import java.util.Map;

/** A cluster's name, ARN and tags (the cluster tags give node groups their default). */
public record Cluster(String name, String arn, Map<String, String> tags) {
  public Cluster {
    tags = tags == null ? Map.of() : Map.copyOf(tags);
  }

  /**
   * The ARN of the cluster a node group belongs to, from the node group's own ARN ({@code
   * arn:<partition>:eks:<region>:<account>:nodegroup/<cluster>/<name>/<id>}), so partition, region
   * and account are the ones AWS gave; null when the ARN does not have that form.
   */
  public static String arnOf(String clusterName, String nodegroupArn) {
    String marker = ":nodegroup/" + clusterName + "/";
    int at = nodegroupArn == null ? -1 : nodegroupArn.indexOf(marker);
    return at <= 0 ? null : nodegroupArn.substring(0, at) + ":cluster/" + clusterName;
  }
}
