package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.UntagProfile;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import javax.inject.Inject;

/** Removes the tag keys the desired state no longer has. */
public final class UntagProfileExecutor implements Executor<UntagProfile> {
  private final FargateApi api;

  @Inject
  public UntagProfileExecutor(FargateApi api) {
    this.api = api;
  }

  @Override
  public List<Permission> permissions() {
    return List.of(ProfileAudit.onProfiles("UntagResource"));
  }

  @Override
  public Result execute(Target target, UntagProfile u) {
    return ProfileAudit.audited(api.untag(target, u.arn(), u.keys()), ProfileAudit.TAGGED, u);
  }
}
