package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import javax.inject.Inject;

/**
 * Writes the size record on the group, signed with the record key, then scales it to its night
 * state: in that order, so a failure between the two never loses a size (the next tick finishes the
 * scale-down). No signature, no scale-down: an unsigned record would not be restored.
 */
public final class ScaleDownExecutor extends PortExecutor<NodegroupApis, ScaleDown> {
  private final SignedRecords records;

  @Inject
  ScaleDownExecutor(NodegroupApis apis, SignedRecords records) {
    super(
        ScaleDown.class,
        "Nodegroup Scaled Down",
        apis,
        SignedRecords.grants(Permission.eks("UpdateNodegroupConfig", NodegroupAudit.NODEGROUPS)));
    this.records = records;
  }

  @Override
  public Result execute(Target target, ScaleDown d) {
    NodegroupApi api = port.in(target);
    return records
        .write(
            api,
            d.target(),
            d.record(),
            "could not sign the size record, so did not scale: ",
            "could not record the original size, so did not scale: ")
        .then(done -> api.updateScaling(d.cluster(), d.nodegroup(), d.after(), d.token()))
        .then(done -> Result.done(audit(List.of(d.target()), d.details())));
  }
}
