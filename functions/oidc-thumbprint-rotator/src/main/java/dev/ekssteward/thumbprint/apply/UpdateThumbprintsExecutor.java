package dev.ekssteward.thumbprint.apply;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.plan.Thumbprints;
import dev.ekssteward.thumbprint.plan.UpdateThumbprints;
import dev.ekssteward.thumbprint.port.OidcProviders;
import java.util.List;
import javax.inject.Inject;

/** Replaces a provider's thumbprint list; checks IAM's list rules itself before writing. */
public final class UpdateThumbprintsExecutor
    extends PortExecutor<OidcProviders, UpdateThumbprints> {
  @Inject
  public UpdateThumbprintsExecutor(OidcProviders providers) {
    super(
        UpdateThumbprints.class,
        "Thumbprint Rotated",
        providers,
        new Permission("iam:UpdateOpenIDConnectProviderThumbprint", ProviderArns.EKS_PROVIDERS));
  }

  @Override
  public Result execute(Target account, UpdateThumbprints u) {
    // Never write a list that could lock IRSA out, whatever a planner bug hands over.
    if (!Thumbprints.writable(u.thumbprints())) {
      return new Result.Refused("refusing to write an invalid thumbprint list");
    }
    return port.updateThumbprints(account, u.target(), u.thumbprints())
        .then(done -> Result.done(audit(List.of(u.target()), u.details())));
  }
}
