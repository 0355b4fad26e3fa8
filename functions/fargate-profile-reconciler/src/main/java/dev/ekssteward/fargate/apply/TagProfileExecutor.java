package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import java.util.List;
import javax.inject.Inject;

/** Adds or overwrites a profile's tags in place. */
public final class TagProfileExecutor implements Executor<TagProfile> {
  private final FargateApi api;

  @Inject
  public TagProfileExecutor(FargateApi api) {
    this.api = api;
  }

  @Override
  public List<Permission> permissions() {
    return List.of(ProfileAudit.onProfiles("TagResource"));
  }

  @Override
  public Result execute(Target target, TagProfile t) {
    return ProfileAudit.audited(api.tag(target, t.arn(), t.tags()), ProfileAudit.TAGGED, t);
  }
}
