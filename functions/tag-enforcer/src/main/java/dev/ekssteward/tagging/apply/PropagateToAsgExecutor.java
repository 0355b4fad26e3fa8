package dev.ekssteward.tagging.apply;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.tagging.aws.TaggingApi;
import dev.ekssteward.tagging.plan.PropagateToAsg;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Auto Scaling CreateOrUpdateTags with PropagateAtLaunch on a node group's ASG; audited as {@code
 * Tags Propagated To ASG} against the node group (the ASG has no EKS ARN).
 */
public final class PropagateToAsgExecutor extends PortExecutor<TaggingApi, PropagateToAsg> {
  @Inject
  public PropagateToAsgExecutor(TaggingApi api) {
    super(
        PropagateToAsg.class,
        "Tags Propagated To ASG",
        api,
        // Only ASGs EKS made for a node group (they carry eks:cluster-name).
        ApplyTagsExecutor.policyTags(
            new Permission(
                    "autoscaling:CreateOrUpdateTags",
                    "arn:${AWS::Partition}:autoscaling:*:${AWS::AccountId}:autoScalingGroup:*"
                        + ":autoScalingGroupName/*")
                .when("StringLike", "autoscaling:ResourceTag/eks:cluster-name", "*")));
  }

  @Override
  public Result execute(Target target, PropagateToAsg p) {
    return port.tagAutoScalingGroup(target, p.target(), p.tags())
        .then(done -> Result.done(propagated(p)));
  }

  private AuditEvent propagated(PropagateToAsg p) {
    return audit(List.of(p.nodegroupArn()), p.details())
        .withContext(Map.of("autoScalingGroup", p.target()));
  }
}
