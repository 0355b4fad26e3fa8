package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.UntagProfile;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import javax.inject.Inject;

/** Removes the tag keys the desired state no longer has. */
public final class UntagProfileExecutor extends PortExecutor<FargateApi, UntagProfile> {

  @Inject
  public UntagProfileExecutor(FargateApi api) {
    super(
        UntagProfile.class,
        TagProfileExecutor.TAGGED,
        api,
        ProfileAudit.desiredTags("UntagResource", ProfileAudit.PROFILES));
  }

  @Override
  public Result execute(Target target, UntagProfile u) {
    return ProfileAudit.audited(port.untag(target, u.arn(), u.keys()), event(), u);
  }
}
