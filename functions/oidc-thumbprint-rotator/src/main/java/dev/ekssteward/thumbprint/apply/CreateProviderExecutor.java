package dev.ekssteward.thumbprint.apply;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Details;
import dev.ekssteward.thumbprint.plan.CreateProvider;
import dev.ekssteward.thumbprint.plan.Thumbprints;
import dev.ekssteward.thumbprint.port.OidcProviders;
import java.util.List;
import javax.inject.Inject;

/** Creates a cluster issuer's provider, tagged as ours, with thumbprints IAM accepts. */
public final class CreateProviderExecutor extends PortExecutor<OidcProviders, CreateProvider> {
  /**
   * Creating with tags needs the tagging grant too; a retried create reads the providers back (did
   * its first attempt make it?).
   */
  @Inject
  public CreateProviderExecutor(OidcProviders providers) {
    super(
        CreateProvider.class,
        "OIDC Provider Created",
        providers,
        new Permission("iam:CreateOpenIDConnectProvider", ProviderArns.EKS_PROVIDERS),
        new Permission("iam:TagOpenIDConnectProvider", ProviderArns.EKS_PROVIDERS),
        new Permission("iam:ListOpenIDConnectProviders", "*"),
        new Permission(
            "iam:GetOpenIDConnectProvider",
            "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/*"));
  }

  @Override
  public Result execute(Target account, CreateProvider c) {
    if (!Thumbprints.writable(c.thumbprints())) {
      return new Result.Refused("refusing to create a provider without valid thumbprints");
    }
    String url = c.target();
    return port.create(account, url, c.clientIds(), c.thumbprints(), c.tags())
        .then(done -> Result.done(created(done.value(), url, c)));
  }

  private AuditEvent created(String arn, String url, CreateProvider c) {
    return audit(List.of(arn), c.details()).withContext(Details.of("provider", arn, "issuer", url));
  }
}
