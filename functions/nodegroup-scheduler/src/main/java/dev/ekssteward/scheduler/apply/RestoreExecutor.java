package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.Restore;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;

/** Sets the recorded sizes back, then removes the record, which stays until the restore worked. */
public final class RestoreExecutor extends PortExecutor<NodegroupApis, Restore> {
  @Inject
  RestoreExecutor(NodegroupApis apis) {
    super(
        Restore.class,
        "Nodegroup Scaled Up",
        apis,
        Permission.eks("UpdateNodegroupConfig", NodegroupAudit.NODEGROUPS),
        NodegroupAudit.recordTags("UntagResource"));
  }

  @Override
  public Result execute(Target target, Restore r) {
    NodegroupApi api = port.in(target);
    return api.updateScaling(r.cluster(), r.nodegroup(), r.record().sizes(), r.token())
        .then(done -> restored(api, r));
  }

  /**
   * The group is up either way, so the change is audited now; a record left behind is only dropped
   * by the next tick (it matches the sizes), which is not a change of its own.
   */
  private Result restored(NodegroupApi api, Restore r) {
    String removal =
        r.keepRecord()
            ? "restored; the record stays until a later look sees the Cluster Autoscaler tags back"
            : removeRecord(api, r);
    Map<String, Object> detail = new LinkedHashMap<>(r.details());
    detail.put("recordRemoved", removal == null);
    AuditEvent scaledUp = audit(List.of(r.target()), detail);
    return new Result.Done(null, List.of(scaledUp), r.keepRecord() ? null : removal);
  }

  /** Null when the record is gone, else why it is still there. */
  private static String removeRecord(NodegroupApi api, Restore r) {
    String failure;
    try {
      Result removed = api.untagResource(r.target(), Set.of(Contract.ORIGINAL_SCALING_TAG));
      if (removed instanceof Result.Done || removed instanceof Result.NotFound) {
        return null;
      }
      failure = removed.text();
    } catch (RuntimeException e) {
      failure = e.getMessage();
    }
    return "restored, but removing the "
        + Contract.ORIGINAL_SCALING_TAG
        + " record failed; the next tick drops it: "
        + failure;
  }
}
