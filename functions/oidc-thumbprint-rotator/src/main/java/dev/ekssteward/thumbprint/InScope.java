package dev.ekssteward.thumbprint;

import dev.ekssteward.thumbprint.model.AccountView.Skipped;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerCheck;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.OidcProvider;
import java.util.ArrayList;
import java.util.List;

/** What observing one scope collects before the issuers are probed. */
final class InScope {
  final List<IssuerCheck> issuers = new ArrayList<>();
  final List<ClusterIssuer> notReady = new ArrayList<>();
  final List<Skipped> skipped = new ArrayList<>();

  void check(IssuerUrl issuer, ClusterIssuer cluster, OidcProvider provider) {
    // An extra issuer may also be a cluster's (and moto gives clusters one issuer): check it once.
    if (issuers.stream().noneMatch(c -> c.issuer().equals(issuer))) {
      issuers.add(new IssuerCheck(issuer, cluster, provider, null));
    }
  }

  void skip(String target, String reason) {
    skipped.add(new Skipped(target, reason));
  }

  void await(ClusterIssuer cluster) {
    notReady.add(cluster);
  }
}
