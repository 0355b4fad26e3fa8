package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteReason;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import javax.inject.Inject;

/** Deletes a profile its ACTIVE replacement superseded, or one that prune removes. */
public final class DeleteProfileExecutor implements Executor<DeleteProfile> {
  private final FargateApi api;

  @Inject
  public DeleteProfileExecutor(FargateApi api) {
    this.api = api;
  }

  @Override
  public List<Permission> permissions() {
    return List.of(ProfileAudit.onProfiles("DeleteFargateProfile"));
  }

  @Override
  public Result execute(Target target, DeleteProfile d) {
    String type =
        d.reason() == DeleteReason.REPLACED ? ProfileAudit.REPLACED : ProfileAudit.DELETED;
    return ProfileAudit.audited(api.delete(target, d.cluster(), d.name()), type, d);
  }
}
