package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.KeepUp;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** Makes a wake request durable on the group: {@code eks-steward/keep-up-until}. */
public final class KeepUpExecutor extends PortExecutor<NodegroupApis, KeepUp> {
  @Inject
  KeepUpExecutor(NodegroupApis apis) {
    super(KeepUp.class, "Nodegroup Kept Up", apis, NodegroupAudit.recordTags("TagResource"));
  }

  @Override
  public Result execute(Target target, KeepUp k) {
    return port.in(target)
        .tagResource(k.target(), Map.of(Contract.KEEP_UP_UNTIL_TAG, k.until().toString()))
        .then(done -> Result.done(keptUp(k)));
  }

  /** A wake request spends money: each one is in the audit trail, not only in the log. */
  private AuditEvent keptUp(KeepUp k) {
    return audit(List.of(k.target()), k.details());
  }
}
