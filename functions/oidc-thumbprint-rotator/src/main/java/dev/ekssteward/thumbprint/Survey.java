package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.OidcProvider;
import dev.ekssteward.thumbprint.port.ClusterIssuers;
import dev.ekssteward.thumbprint.port.OidcProviders;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;

/**
 * Observes one scope: which issuers are in it (cluster issuers, extra issuers, or the one provider
 * an event named), the IAM provider of each, then what each issuer's endpoints present.
 */
final class Survey {
  private static final Pattern EKS_ISSUER_HOST =
      Pattern.compile("^oidc\\.eks\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

  private final ClusterIssuers clusters;
  private final OidcProviders providers;
  private final Probes probes;
  private final Settings settings;

  @Inject
  Survey(ClusterIssuers clusters, OidcProviders providers, Probes probes, Settings settings) {
    this.clusters = clusters;
    this.providers = providers;
    this.probes = probes;
    this.settings = settings;
  }

  /** IAM is the one service beyond the shared ones. */
  void prime() {
    providers.prime();
  }

  AccountView observe(Lookup lookup, Target account, StewardConfig config) {
    InScope in = new InScope();
    if (lookup instanceof Lookup.OneProvider p) {
      findProvider(p.arn(), account, config, in);
    } else {
      Map<String, String> arnsByIssuer = new HashMap<>();
      for (String arn : providers.arns(account)) {
        String url = OidcProvider.urlOf(arn);
        if (url != null) {
          arnsByIssuer.put(IssuerUrl.key(url), arn);
        }
      }
      boolean oneCluster = lookup instanceof Lookup.OneCluster;
      for (ClusterIssuer cluster : clustersInView(lookup, account, config, in)) {
        addCluster(cluster, oneCluster, account, arnsByIssuer, in);
      }
      for (String extra : oneCluster ? List.<String>of() : config.thumbprints().extraIssuers()) {
        String arn = arnsByIssuer.get(IssuerUrl.key(extra));
        if (arn != null) {
          in.check(IssuerUrl.parse(extra), null, providers.get(account, arn));
        }
      }
    }
    return new AccountView(probes.check(in.issuers, config), in.notReady, in.skipped);
  }

  /**
   * The provider an IAM event names, if it is in scope: an extra issuer, or the issuer of a cluster
   * in scope. An EKS issuer's host names its region, so only that region's clusters are listed.
   */
  private void findProvider(String arn, Target account, StewardConfig config, InScope in) {
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
    if (eks.matches() && regions(config).contains(eks.group(1))) {
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

  private List<ClusterIssuer> clustersInView(
      Lookup lookup, Target account, StewardConfig config, InScope in) {
    if (lookup instanceof Lookup.OneCluster c) {
      ClusterIssuer one = clusters.one(inRegion(account, c.region()), c.name());
      if (one == null) {
        in.skip(c.region() + "/" + c.name(), "cluster not found");
        return List.of();
      }
      return List.of(one);
    }
    List<ClusterIssuer> all = new ArrayList<>();
    for (String region : regions(config)) {
      all.addAll(clusters.all(inRegion(account, region), config.targets().clusters()));
    }
    return all;
  }

  /** A new cluster is awaited; on a schedule tick, a cluster not ready yet waits for the next. */
  private void addCluster(
      ClusterIssuer cluster, boolean await, Target account, Map<String, String> arns, InScope in) {
    if (cluster.excluded()) {
      in.skip(cluster.arn(), "cluster is tagged " + Contract.EXCLUDE_TAG + "=true");
    } else if (!cluster.ready() && await) {
      in.await(cluster);
    } else if (!cluster.ready()) {
      in.skip(cluster.arn(), "cluster is " + cluster.status() + "; a later run checks it");
    } else {
      String arn = arns.get(IssuerUrl.key(cluster.issuer()));
      in.check(
          IssuerUrl.parse(cluster.issuer()),
          cluster,
          arn == null ? null : providers.get(account, arn));
    }
  }

  private List<String> regions(StewardConfig config) {
    List<String> regions = config.targets().regions();
    return regions.isEmpty() ? List.of(settings.region()) : regions;
  }

  private static Target inRegion(Target account, String region) {
    return new Target(account.accountId(), region, account.roleArn());
  }
}
