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
import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Seals;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/**
 * Writes the size record on the group, signed with the record key, then scales it to its night
 * state: in that order, so a failure between the two never loses a size (the next tick finishes the
 * scale-down). No signature, no scale-down: an unsigned record would not be restored.
 */
public final class ScaleDownExecutor extends PortExecutor<NodegroupApis, ScaleDown> {
  private final RecordSigner signer;

  @Inject
  ScaleDownExecutor(NodegroupApis apis, RecordSigner signer) {
    super(
        ScaleDown.class,
        apis,
        Permission.recordKey("GenerateMac"),
        NodegroupAudit.recordTags("TagResource"),
        Permission.eks("UpdateNodegroupConfig", NodegroupAudit.NODEGROUPS));
    this.signer = signer;
  }

  @Override
  public Result execute(Target target, ScaleDown d) {
    NodegroupApi api = port.in(target);
    String value;
    try {
      value = Seals.seal(signer, Contract.ORIGINAL_SCALING_TAG, d.target(), d.record().encode());
    } catch (RecordKeyException e) {
      return new Result.Refused(
          "could not sign the size record, so did not scale: " + e.getMessage());
    }
    Result recorded = api.tagResource(d.target(), Map.of(Contract.ORIGINAL_SCALING_TAG, value));
    if (recorded instanceof Result.Refused r) {
      return new Result.Refused(
          "could not record the original size, so did not scale: " + r.message());
    }
    return recorded
        .then(done -> api.updateScaling(d.cluster(), d.nodegroup(), d.after(), d.token()))
        .then(
            done ->
                Result.done(
                    new AuditEvent(NodegroupAudit.SCALED_DOWN, List.of(d.target()), d.details())));
  }
}
