package dev.ekssteward.tagging;

import dev.ekssteward.shared.event.CallRule;
import dev.ekssteward.shared.event.Triggers;
import java.util.Set;

/**
 * What the tag enforcer reacts to: the sweep, the EKS calls that create a taggable resource (the
 * response names it more reliably than the request) and the calls that change tags, for the kinds
 * the policy covers.
 */
final class TaggingTriggers {
  private TaggingTriggers() {}

  static Triggers declared() {
    return Triggers.none()
        .ticks()
        .on(
            CallRule.on(CallRule.EKS, "CreateCluster")
                .kind("cluster")
                .cluster("responseElements.cluster.name", "requestParameters.name")
                .arn("responseElements.cluster.arn")
                .creates(),
            CallRule.on(CallRule.EKS, "CreateNodegroup")
                .kind("nodegroup")
                .cluster("responseElements.nodegroup.clusterName", "requestParameters.name")
                .name("responseElements.nodegroup.nodegroupName", "requestParameters.nodegroupName")
                .arn("responseElements.nodegroup.nodegroupArn")
                .creates(),
            CallRule.on(CallRule.EKS, "CreateFargateProfile")
                .kind("fargateprofile")
                .cluster("responseElements.fargateProfile.clusterName", "requestParameters.name")
                .name(
                    "responseElements.fargateProfile.fargateProfileName",
                    "requestParameters.fargateProfileName")
                .arn("responseElements.fargateProfile.fargateProfileArn")
                .creates(),
            CallRule.on(CallRule.EKS, "TagResource").resourceArn("requestParameters.resourceArn"),
            CallRule.on(CallRule.EKS, "UntagResource")
                .resourceArn("requestParameters.resourceArn")
                .keys("requestParameters.tagKeys"))
        .kinds("tagging.resourceTypes", c -> Set.copyOf(c.tagging().resourceTypes()));
  }
}
