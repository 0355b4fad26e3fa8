package dev.ekssteward.fargate;

import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.fargate.aws.FargateApi.Change;
import dev.ekssteward.fargate.plan.ProfileAction;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteReason;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.fargate.plan.ProfileAction.UntagProfile;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Outcome;
import java.util.List;
import javax.inject.Inject;

/**
 * Carries out one planned action and turns EKS's answer into an outcome. 409 means another profile
 * is in transition: not a failure, the next pass observes again and continues.
 */
final class ProfileApplier {
  static final String CREATED = "Fargate Profile Created";
  static final String DELETED = "Fargate Profile Deleted";
  static final String REPLACED = "Fargate Profile Replaced";
  static final String TAGGED = "Fargate Profile Tags Updated";

  private final FargateApi api;

  @Inject
  ProfileApplier(FargateApi api) {
    this.api = api;
  }

  Outcome apply(Target target, ProfileAction action) {
    Change change = call(target, action);
    return switch (change.result()) {
      case DONE -> Outcome.applied(action, audit(action, change.arn()));
      case BUSY -> Outcome.noop(action, "busy (409): " + change.message() + "; observed again");
      case NOT_FOUND ->
          action instanceof DeleteProfile
              ? Outcome.noop(action, "already gone")
              : Outcome.failed(action, "not found: " + change.message());
      case REJECTED -> Outcome.failed(action, change.message());
    };
  }

  private Change call(Target target, ProfileAction action) {
    if (action instanceof CreateProfile c) {
      return api.create(target, c.cluster(), c.name(), c.spec(), c.tags());
    }
    if (action instanceof DeleteProfile d) {
      return api.delete(target, d.cluster(), d.name());
    }
    if (action instanceof TagProfile t) {
      return api.tag(target, t.arn(), t.tags());
    }
    UntagProfile u = (UntagProfile) action;
    return api.untag(target, u.arn(), u.keys());
  }

  private static AuditEvent audit(ProfileAction action, String arn) {
    String type = TAGGED;
    if (action instanceof CreateProfile) {
      type = CREATED;
    } else if (action instanceof DeleteProfile d) {
      type = d.reason() == DeleteReason.REPLACED ? REPLACED : DELETED;
    }
    String resource = arn != null ? arn : action.target();
    return new AuditEvent(
        type, resource.startsWith("arn:") ? List.of(resource) : List.of(), action.details());
  }
}
