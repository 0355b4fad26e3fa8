package dev.ekssteward.tagging.apply;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.tagging.aws.TaggingApi;
import dev.ekssteward.tagging.plan.ApplyTags;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.inject.Inject;

/** EKS TagResource with only the keys the policy changes; audited as {@code Tags Applied}. */
public final class ApplyTagsExecutor extends PortExecutor<TaggingApi, ApplyTags> {
  public static final String APPLIED = "Tags Applied";

  @Inject
  public ApplyTagsExecutor(TaggingApi api) {
    super(
        ApplyTags.class,
        api,
        Permission.eks("TagResource", "cluster/*"),
        Permission.eks("TagResource", "nodegroup/*"),
        Permission.eks("TagResource", "fargateprofile/*"));
  }

  @Override
  public Result execute(Target target, ApplyTags a) {
    return port.tag(target, a.target(), a.tags()).then(done -> Result.done(applied(a)));
  }

  private static AuditEvent applied(ApplyTags a) {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("resource", a.target());
    detail.put("resourceType", a.resourceType());
    detail.put("tags", a.tags());
    detail.put("reasons", a.reasons());
    return new AuditEvent(APPLIED, List.of(a.target()), detail);
  }
}
