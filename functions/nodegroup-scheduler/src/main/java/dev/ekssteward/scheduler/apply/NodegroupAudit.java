package dev.ekssteward.scheduler.apply;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the scheduler's executors share: audit event names, detail head, IAM resource. */
final class NodegroupAudit {
  static final String SCALED_DOWN = "Nodegroup Scaled Down";
  static final String SCALED_UP = "Nodegroup Scaled Up";
  static final String KEPT_UP = "Nodegroup Kept Up";
  static final String AUTOSCALER_PAUSED = "Cluster Autoscaler Paused";
  static final String AUTOSCALER_RESUMED = "Cluster Autoscaler Resumed";
  static final String RESIGNED = "Size Record Re-signed";

  /** Node groups in any region of the account, as the template's statements name them. */
  static final String NODEGROUPS = "nodegroup/*/*/*";

  /** Auto Scaling groups in any region of the account, as the template's statement names them. */
  static final String AUTO_SCALING_GROUPS =
      "arn:${AWS::Partition}:autoscaling:*:${AWS::AccountId}:autoScalingGroup:*"
          + ":autoScalingGroupName/*";

  private NodegroupAudit() {}

  static Map<String, Object> detail(String cluster, String nodegroup) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("nodegroup", nodegroup);
    return d;
  }
}
