package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.DropRecord;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.Set;
import javax.inject.Inject;

/** Removes a size record without touching sizes (restored already, or overridden by a person). */
public final class DropRecordExecutor extends PortExecutor<NodegroupApis, DropRecord> {

  @Inject
  DropRecordExecutor(NodegroupApis apis) {
    super(DropRecord.class, apis, NodegroupAudit.recordTags("UntagResource"));
  }

  @Override
  public Result execute(Target target, DropRecord r) {
    return port.in(target).untagResource(r.target(), Set.of(Contract.ORIGINAL_SCALING_TAG));
  }
}
