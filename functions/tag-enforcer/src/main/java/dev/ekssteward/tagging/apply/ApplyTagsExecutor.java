package dev.ekssteward.tagging.apply;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.tagging.aws.TaggingApi;
import dev.ekssteward.tagging.plan.ApplyTags;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** EKS TagResource with only the keys the policy changes; audited as {@code Tags Applied}. */
public final class ApplyTagsExecutor extends PortExecutor<TaggingApi, ApplyTags> {
  @Inject
  public ApplyTagsExecutor(TaggingApi api) {
    super(
        ApplyTags.class,
        "Tags Applied",
        api,
        policyTags(Permission.eks("TagResource", "cluster/*")),
        policyTags(Permission.eks("TagResource", "nodegroup/*")),
        policyTags(Permission.eks("TagResource", "fargateprofile/*")));
  }

  /**
   * Only the policy's keys, which are never under eks-steward/ (the config's rules): IAM keeps the
   * tag enforcer from writing the other functions' records and marks (template: TagEksResources).
   */
  static Permission policyTags(Permission grant) {
    return grant.when("ForAllValues:StringNotLike", "aws:TagKeys", Contract.TAG_PREFIX + "*");
  }

  @Override
  public Result execute(Target target, ApplyTags a) {
    return port.tag(target, a.target(), a.tags()).then(done -> Result.done(applied(a)));
  }

  private AuditEvent applied(ApplyTags a) {
    return audit(List.of(a.target()), a.details()).withContext(Map.of("resource", a.target()));
  }
}
