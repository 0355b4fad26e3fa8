package dev.ekssteward.scheduler.apply;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;

/** What the scheduler's executors share: the IAM resources and grants they act on. */
final class NodegroupAudit {

  /** Node groups in any region of the account, as the template's statements name them. */
  static final String NODEGROUPS = "nodegroup/*/*/*";

  /** Auto Scaling groups in any region of the account, as the template's statement names them. */
  static final String AUTO_SCALING_GROUPS =
      "arn:${AWS::Partition}:autoscaling:*:${AWS::AccountId}:autoScalingGroup:*"
          + ":autoScalingGroupName/*";

  /**
   * {@code eks:<action>} (TagResource, UntagResource) on node groups, only for the keys the
   * scheduler writes (template: RecordOnNodegroups); EKS evaluates aws:TagKeys on both.
   */
  static Permission recordTags(String action) {
    return Permission.eks(action, NODEGROUPS)
        .when(
            "ForAllValues:StringEquals",
            "aws:TagKeys",
            Contract.ORIGINAL_SCALING_TAG,
            Contract.KEEP_UP_UNTIL_TAG);
  }

  /**
   * {@code autoscaling:<action>} only on ASGs EKS made for a node group, and only Cluster
   * Autoscaler's keys (template: PauseClusterAutoscaler).
   */
  static Permission autoscalerTags(String action) {
    return new Permission("autoscaling:" + action, AUTO_SCALING_GROUPS)
        .when("StringLike", "autoscaling:ResourceTag/eks:cluster-name", "*")
        .when("ForAllValues:StringLike", "aws:TagKeys", "k8s.io/cluster-autoscaler/*");
  }

  private NodegroupAudit() {}
}
