package dev.ekssteward.scheduler.apply;

import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.KeepUp;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** Makes a wake request durable on the group: {@code eks-steward/keep-up-until}. */
public final class KeepUpExecutor implements Executor<KeepUp> {
  private final NodegroupApis apis;

  @Inject
  KeepUpExecutor(NodegroupApis apis) {
    this.apis = apis;
  }

  @Override
  public List<Permission> permissions() {
    return List.of(NodegroupAudit.on("TagResource"));
  }

  @Override
  public Result execute(Target target, KeepUp k) {
    return apis.in(target)
        .tagResource(k.target(), Map.of(Contract.KEEP_UP_UNTIL_TAG, k.until().toString()));
  }
}
