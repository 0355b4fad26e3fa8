package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import javax.inject.Inject;

/** Adds or overwrites a profile's tags in place. */
public final class TagProfileExecutor extends PortExecutor<FargateApi, TagProfile> {
  /** Untagging reports the same event. */
  static final String TAGGED = "Fargate Profile Tags Updated";

  @Inject
  public TagProfileExecutor(FargateApi api) {
    super(
        TagProfile.class,
        TAGGED,
        api,
        ProfileAudit.desiredTags("TagResource", ProfileAudit.PROFILES));
  }

  @Override
  public Result execute(Target target, TagProfile t) {
    return ProfileAudit.audited(port.tag(target, t.arn(), t.tags()), event(), t);
  }
}
