package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ResignRecord;
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

/** Signs an earlier version's size record that agrees with its group (the migration). */
public final class ResignRecordExecutor extends PortExecutor<NodegroupApis, ResignRecord> {
  private final RecordSigner signer;

  @Inject
  ResignRecordExecutor(NodegroupApis apis, RecordSigner signer) {
    super(
        ResignRecord.class,
        apis,
        Permission.recordKey("GenerateMac"),
        NodegroupAudit.recordTags("TagResource"));
    this.signer = signer;
  }

  @Override
  public Result execute(Target target, ResignRecord r) {
    String value;
    try {
      value = Seals.seal(signer, Contract.ORIGINAL_SCALING_TAG, r.target(), r.record().encode());
    } catch (RecordKeyException e) {
      return new Result.Refused("could not sign the size record: " + e.getMessage());
    }
    return port.in(target)
        .tagResource(r.target(), Map.of(Contract.ORIGINAL_SCALING_TAG, value))
        .then(
            done ->
                Result.done(
                    new AuditEvent(NodegroupAudit.RESIGNED, List.of(r.target()), r.details())));
  }
}
