package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.plan.ProfileAction;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import java.util.List;

/** What the reconciler's executors share: audit event names and the IAM resources they act on. */
final class ProfileAudit {
  static final String CREATED = "Fargate Profile Created";
  static final String DELETED = "Fargate Profile Deleted";
  static final String REPLACED = "Fargate Profile Replaced";
  static final String TAGGED = "Fargate Profile Tags Updated";
  static final String MARKED = "Fargate Profile Marked Managed";

  /** Clusters (CreateFargateProfile is authorised on the cluster) in any region of the account. */
  static final String CLUSTERS = "cluster/*";

  /** Fargate profiles in any region of the account. */
  static final String PROFILES = "fargateprofile/*";

  private ProfileAudit() {}

  /**
   * When {@code answer} is done, the same with the audit event of the change: on the ARN EKS
   * answered (a new profile's), else on the action's own target when that is an ARN.
   */
  static Result audited(Result answer, String type, ProfileAction action) {
    return answer.then(
        done -> {
          String resource = done.value() != null ? done.value() : action.target();
          List<String> arns = resource.startsWith("arn:") ? List.of(resource) : List.of();
          return new Result.Done(
              done.value(), List.of(new AuditEvent(type, arns, action.details())), done.note());
        });
  }
}
