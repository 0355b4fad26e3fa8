package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.asg.AutoScalingApi;
import dev.ekssteward.scheduler.asg.AutoScalingApis;
import dev.ekssteward.scheduler.asg.AutoscalerTags;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.PauseAutoscaler;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Writes the record that remembers Cluster Autoscaler's tags, signed with the record key like every
 * size record (the morning puts back only what a verified record remembers), then takes them off
 * the group's Auto Scaling groups: in that order, so a value is never lost. No signature, no pause.
 * Deleting a tag that is not there is no error in Auto Scaling, so a repeat is harmless.
 */
public final class PauseAutoscalerExecutor extends PortExecutor<AutoScalingApis, PauseAutoscaler> {
  private final NodegroupApis eks;
  private final SignedRecords records;

  @Inject
  PauseAutoscalerExecutor(AutoScalingApis autoscaling, NodegroupApis eks, SignedRecords records) {
    super(
        PauseAutoscaler.class,
        "Cluster Autoscaler Paused",
        autoscaling,
        SignedRecords.grants(NodegroupAudit.autoscalerTags("DeleteTags")));
    this.eks = eks;
    this.records = records;
  }

  @Override
  public Result execute(Target target, PauseAutoscaler p) {
    Result recorded =
        records.write(
            eks.in(target),
            p.target(),
            p.record(),
            "could not sign the record of the autoscaler tags, so left them: ",
            "could not record the autoscaler tags, so left them: ");
    if (!(recorded instanceof Result.Done)) {
      return recorded;
    }
    AutoScalingApi api = port.in(target);
    for (String group : p.autoScalingGroups()) {
      Result deleted = api.deleteTags(group, AutoscalerTags.keys(p.cluster()).keySet());
      if (!(deleted instanceof Result.Done) && !(deleted instanceof Result.NotFound)) {
        return deleted;
      }
    }
    Map<String, Object> detail =
        p.groupDetails(
            "autoScalingGroups", p.autoScalingGroups(),
            "removed", p.record().autoscaler().toMap(p.cluster()),
            "originalScaling", p.record().encode());
    return Result.done(audit(List.of(p.target()), detail));
  }
}
