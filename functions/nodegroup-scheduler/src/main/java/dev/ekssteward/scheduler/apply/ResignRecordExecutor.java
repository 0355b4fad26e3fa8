package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ResignRecord;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import javax.inject.Inject;

/** Signs an earlier version's size record that agrees with its group (the migration). */
public final class ResignRecordExecutor extends PortExecutor<NodegroupApis, ResignRecord> {
  private final SignedRecords records;

  @Inject
  ResignRecordExecutor(NodegroupApis apis, SignedRecords records) {
    super(ResignRecord.class, "Size Record Re-signed", apis, SignedRecords.grants());
    this.records = records;
  }

  @Override
  public Result execute(Target target, ResignRecord r) {
    return records
        .write(port.in(target), r.target(), r.record(), "could not sign the size record: ", null)
        .then(done -> Result.done(audit(List.of(r.target()), r.details())));
  }
}
