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
import javax.inject.Inject;

/**
 * Observes one scope: which issuers are in it (cluster issuers, extra issuers, or the one provider
 * an event named), the IAM provider of each, then what each issuer's endpoints present.
 */
final class Survey {
  private final ClusterIssuers clusters;
  private final OidcProviders providers;
  private final EventProvider eventProvider;
  private final Probes probes;
  private final Settings settings;

  @Inject
  Survey(
      ClusterIssuers clusters,
      OidcProviders providers,
      EventProvider eventProvider,
      Probes probes,
      Settings settings) {
    this.clusters = clusters;
    this.providers = providers;
    this.eventProvider = eventProvider;
    this.probes = probes;
    this.settings = settings;
  }

  AccountView observe(Lookup lookup, Target account, StewardConfig config) {
    InScope in = new InScope();
    if (lookup instanceof Lookup.OneProvider p) {
      eventProvider.find(p.arn(), account, regions(config), config, in);
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
