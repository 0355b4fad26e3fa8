package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.OidcProvider;
import dev.ekssteward.thumbprint.port.ClusterIssuers;
import dev.ekssteward.thumbprint.port.OidcProviders;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * The provider an IAM event names, if it is in scope: an extra issuer, or the issuer of a cluster
 * in scope. An EKS issuer's host names its region, so only that region's clusters are listed.
 */
final class EventProvider {
  private static final Pattern EKS_ISSUER_HOST =
      Pattern.compile("^oidc\\.eks\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  private final ClusterIssuers clusters;
  private final OidcProviders providers;

  @Inject
  EventProvider(ClusterIssuers clusters, OidcProviders providers) {
    this.clusters = clusters;
    this.providers = providers;
  }

  void find(String arn, Target account, List<String> regions, StewardConfig config, InScope in) {
    OidcProvider provider = providers.get(account, arn);
    if (provider == null) {
      in.skip(arn, "provider no longer exists");
      return;
    }
    String key = IssuerUrl.key(provider.url());
    for (String extra : config.thumbprints().extraIssuers()) {
      if (IssuerUrl.key(extra).equals(key)) {
        in.check(provider.issuer(), null, provider);
        return;
      }
    }
    Matcher eks = EKS_ISSUER_HOST.matcher(provider.issuer().host());
    if (eks.matches() && regions.contains(eks.group(1))) {
      Target region = new Target(account.accountId(), eks.group(1), account.roleArn());
      for (ClusterIssuer c : clusters.all(region, config.targets().clusters())) {
        if (c.ready() && !c.excluded() && IssuerUrl.key(c.issuer()).equals(key)) {
          in.check(provider.issuer(), c, provider);
          return;
        }
      }
    }
    in.skip(arn, "not the issuer of a cluster in scope nor an extra issuer");
  }
}
