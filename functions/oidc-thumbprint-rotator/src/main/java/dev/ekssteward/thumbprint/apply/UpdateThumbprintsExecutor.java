package dev.ekssteward.thumbprint.apply;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.plan.Thumbprints;
import dev.ekssteward.thumbprint.plan.UpdateThumbprints;
import dev.ekssteward.thumbprint.port.OidcProviders;
import java.util.List;
import javax.inject.Inject;

/** Replaces a provider's thumbprint list; checks IAM's list rules itself before writing. */
public final class UpdateThumbprintsExecutor implements Executor<UpdateThumbprints> {
  public static final String ROTATED = "Thumbprint Rotated";

  private final OidcProviders providers;

  @Inject
  public UpdateThumbprintsExecutor(OidcProviders providers) {
    this.providers = providers;
  }

  @Override
  public List<Permission> permissions() {
    return List.of(
        new Permission("iam:UpdateOpenIDConnectProviderThumbprint", ProviderArns.EKS_PROVIDERS));
  }

  @Override
  public Result execute(Target account, UpdateThumbprints u) {
    // Never write a list that could lock IRSA out, whatever a planner bug hands over.
    if (!Thumbprints.writable(u.thumbprints())) {
      return new Result.Refused("refusing to write an invalid thumbprint list");
    }
    return providers
        .updateThumbprints(account, u.target(), u.thumbprints())
        .then(done -> Result.done(new AuditEvent(ROTATED, List.of(u.target()), u.details())));
  }
}
