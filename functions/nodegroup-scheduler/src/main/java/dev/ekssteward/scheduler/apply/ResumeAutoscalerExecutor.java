package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.asg.AutoScalingApi;
import dev.ekssteward.scheduler.asg.AutoScalingApis;
import dev.ekssteward.scheduler.plan.ResumeAutoscaler;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Puts the Cluster Autoscaler tags a record remembers back on the group's Auto Scaling groups, with
 * their values and propagate-at-launch flags. The record itself is dropped later, once a look sees
 * the tags back.
 */
public final class ResumeAutoscalerExecutor
    extends PortExecutor<AutoScalingApis, ResumeAutoscaler> {
  @Inject
  ResumeAutoscalerExecutor(AutoScalingApis autoscaling) {
    super(
        ResumeAutoscaler.class,
        "Cluster Autoscaler Resumed",
        autoscaling,
        NodegroupAudit.autoscalerTags("CreateOrUpdateTags"));
  }

  @Override
  public Result execute(Target target, ResumeAutoscaler r) {
    AutoScalingApi api = port.in(target);
    for (String group : r.autoScalingGroups()) {
      Result put = api.putTags(group, r.tags().byKey(r.cluster()));
      if (!(put instanceof Result.Done) && !(put instanceof Result.NotFound)) {
        return put;
      }
    }
    Map<String, Object> detail =
        r.groupDetails(
            "autoScalingGroups", r.autoScalingGroups(), "restored", r.tags().toMap(r.cluster()));
    return Result.done(audit(List.of(r.target()), detail));
  }
}
