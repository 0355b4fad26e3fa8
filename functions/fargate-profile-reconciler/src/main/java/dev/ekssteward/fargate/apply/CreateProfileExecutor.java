package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import javax.inject.Inject;

/** Creates a profile (new, or the replacement of one whose immutable spec changed). */
public final class CreateProfileExecutor extends PortExecutor<FargateApi, CreateProfile> {
  @Inject
  public CreateProfileExecutor(FargateApi api) {
    super(
        CreateProfile.class,
        "Fargate Profile Created",
        api,
        ProfileAudit.desiredTags("CreateFargateProfile", ProfileAudit.CLUSTERS),
        // The profile's pod execution role is passed to EKS.
        ProfileAudit.PASS_POD_ROLE,
        ProfileAudit.CHECK_FARGATE_SLR,
        ProfileAudit.CREATE_FARGATE_SLR);
  }

  @Override
  public Result execute(Target target, CreateProfile c) {
    return ProfileAudit.audited(
        port.create(target, c.cluster(), c.name(), c.spec(), c.tags()), event(), c);
  }
}
