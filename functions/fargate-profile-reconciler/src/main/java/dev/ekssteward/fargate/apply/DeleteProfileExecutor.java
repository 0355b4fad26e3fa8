package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteReason;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import javax.inject.Inject;

/** Deletes a profile its ACTIVE replacement superseded, or one that prune removes. */
public final class DeleteProfileExecutor extends PortExecutor<FargateApi, DeleteProfile> {
  static final String REPLACED = "Fargate Profile Replaced";

  static final String DELETED = "Fargate Profile Deleted";

  /** A retried delete reads the profile back: is it going or gone (an earlier attempt did it)? */
  @Inject
  public DeleteProfileExecutor(FargateApi api) {
    super(
        DeleteProfile.class,
        api,
        ProfileAudit.DELETE_MARKED,
        Permission.eks("DescribeFargateProfile", ProfileAudit.PROFILES));
  }

  @Override
  public Result execute(Target target, DeleteProfile d) {
    String type = d.reason() == DeleteReason.REPLACED ? REPLACED : DELETED;
    return ProfileAudit.audited(port.delete(target, d.cluster(), d.name()), type, d);
  }
}
