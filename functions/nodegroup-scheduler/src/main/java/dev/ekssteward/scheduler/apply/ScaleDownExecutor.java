package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Writes the size record on the group, then scales it to its night state: in that order, so a
 * failure between the two never loses a size (the next tick finishes the scale-down).
 */
public final class ScaleDownExecutor extends PortExecutor<NodegroupApis, ScaleDown> {

  @Inject
  ScaleDownExecutor(NodegroupApis apis) {
    super(
        ScaleDown.class,
        apis,
        Permission.eks("TagResource", NodegroupAudit.NODEGROUPS),
        Permission.eks("UpdateNodegroupConfig", NodegroupAudit.NODEGROUPS));
  }

  @Override
  public Result execute(Target target, ScaleDown d) {
    NodegroupApi api = port.in(target);
    Result recorded =
        api.tagResource(d.target(), Map.of(Contract.ORIGINAL_SCALING_TAG, d.record().encode()));
    if (recorded instanceof Result.Refused r) {
      return new Result.Refused(
          "could not record the original size, so did not scale: " + r.message());
    }
    return recorded
        .then(done -> api.updateScaling(d.cluster(), d.nodegroup(), d.after(), d.token()))
        .then(
            done -> {
              Map<String, Object> detail = NodegroupAudit.detail(d.cluster(), d.nodegroup());
              detail.put("before", d.before().toMap());
              detail.put("after", d.after().toMap());
              detail.put("originalScaling", d.record().encode());
              return Result.done(
                  new AuditEvent(NodegroupAudit.SCALED_DOWN, List.of(d.target()), detail));
            });
  }
}
