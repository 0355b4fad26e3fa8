package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.DropRecord;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Set;
import javax.inject.Inject;

/** Removes a size record without touching sizes (restored already, or overridden by a person). */
public final class DropRecordExecutor implements Executor<DropRecord> {
  private final NodegroupApis apis;

  @Inject
  DropRecordExecutor(NodegroupApis apis) {
    this.apis = apis;
  }

  @Override
  public List<Permission> permissions() {
    return List.of(NodegroupAudit.on("UntagResource"));
  }

  @Override
  public Result execute(Target target, DropRecord r) {
    return apis.in(target).untagResource(r.target(), Set.of(Contract.ORIGINAL_SCALING_TAG));
  }
}
