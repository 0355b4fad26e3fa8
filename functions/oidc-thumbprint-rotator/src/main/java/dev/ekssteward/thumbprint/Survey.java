package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.thumbprint.aws.ClusterIssuers;
import dev.ekssteward.thumbprint.aws.OidcProviders;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.model.AccountView.Skipped;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerCheck;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.OidcProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

  AccountView observe(Lookup lookup, Target account, StewardConfig config) {
    Found found = new Found();
    if (lookup instanceof Lookup.OneProvider p) {
      oneProvider(p.arn(), account, config, found);
    } else {
      Map<String, String> arnsByUrl = new LinkedHashMap<>();
      for (String arn : providers.arns(account)) {
        String url = OidcProviders.urlOf(arn);
        if (url != null) {
          arnsByUrl.put(key(url), arn);
        }
      }
      List<ClusterIssuer> inView = new ArrayList<>();
      if (lookup instanceof Lookup.OneCluster c) {
        ClusterIssuer one = clusters.one(inRegion(account, c.region()), c.name());
        if (one == null) {
          found.skipped.add(new Skipped(c.region() + "/" + c.name(), "cluster not found"));
        } else {
          inView.add(one);
        }
      } else {
        for (String region : regions(config)) {
          inView.addAll(clusters.all(inRegion(account, region), config.targets().clusters()));
        }
      }
      for (ClusterIssuer cluster : inView) {
        addCluster(cluster, lookup instanceof Lookup.OneCluster, account, arnsByUrl, found);
      }
      if (lookup instanceof Lookup.Everything) {
        for (String extra : config.thumbprints().extraIssuers()) {
          String arn = arnsByUrl.get(key(extra));
          if (arn != null) {
            found.add(IssuerUrl.parse(extra), null, providers.get(account, arn));
          }
        }
      }
    }
    return new AccountView(probes.check(found.pending, config), found.notReady, found.skipped);
  }

  private void addCluster(
      ClusterIssuer cluster,
      boolean wait,
      Target account,
      Map<String, String> arnsByUrl,
      Found found) {
    if (cluster.excluded()) {
      found.skipped.add(new Skipped(cluster.arn(), "cluster is tagged eks-steward/exclude=true"));
    } else if (!cluster.ready() && wait) {
      found.notReady.add(cluster);
    } else if (!cluster.ready()) {
      found.skipped.add(
          new Skipped(cluster.arn(), "cluster is " + cluster.status() + "; a later run checks it"));
    } else {
      String arn = arnsByUrl.get(key(cluster.issuer()));
      found.add(
          IssuerUrl.parse(cluster.issuer()),
          cluster,
          arn == null ? null : providers.get(account, arn));
    }
  }

  /** A provider named by an event is in scope when it is an extra issuer or a cluster's issuer. */
  private void oneProvider(String arn, Target account, StewardConfig config, Found found) {
    OidcProvider provider = providers.get(account, arn);
    if (provider == null) {
      found.skipped.add(new Skipped(arn, "provider no longer exists"));
      return;
    }
    String key = key(provider.url());
    for (String extra : config.thumbprints().extraIssuers()) {
      if (key(extra).equals(key)) {
        found.add(provider.issuer(), null, provider);
        return;
      }
    }
    Matcher eks = EKS_ISSUER_HOST.matcher(provider.issuer().host());
    if (eks.matches() && regions(config).contains(eks.group(1))) {
      for (ClusterIssuer c :
          clusters.all(inRegion(account, eks.group(1)), config.targets().clusters())) {
        if (c.ready() && !c.excluded() && key(c.issuer()).equals(key)) {
          found.add(provider.issuer(), c, provider);
          return;
        }
      }
    }
    found.skipped.add(new Skipped(arn, "not the issuer of a cluster in scope nor an extra issuer"));
  }

  private List<String> regions(StewardConfig config) {
    List<String> regions = config.targets().regions();
    return regions.isEmpty() ? List.of(settings.region()) : regions;
  }

  private static Target inRegion(Target account, String region) {
    return new Target(account.accountId(), region, account.roleArn());
  }

  /** Issuer URLs compare without scheme, trailing slash or host case. */
  static String key(String url) {
    try {
      return IssuerUrl.fromProviderUrl(url).providerUrl();
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  /** What observing collected so far. */
  private static final class Found {
    final List<IssuerCheck> pending = new ArrayList<>();
    final List<ClusterIssuer> notReady = new ArrayList<>();
    final List<Skipped> skipped = new ArrayList<>();

    void add(IssuerUrl issuer, ClusterIssuer cluster, OidcProvider provider) {
      // An extra issuer may also be a cluster's: check it once.
      if (pending.stream().noneMatch(c -> c.issuer().equals(issuer))) {
        pending.add(new IssuerCheck(issuer, cluster, provider, null));
      }
    }
  }
}
