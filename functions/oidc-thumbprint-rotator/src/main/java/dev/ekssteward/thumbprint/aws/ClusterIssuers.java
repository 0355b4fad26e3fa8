package dev.ekssteward.thumbprint.aws;

import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import software.amazon.awssdk.services.eks.model.Cluster;

/** The EKS clusters of a region and their OIDC issuers. */
public final class ClusterIssuers {
  private final Fleet fleet;

  @Inject
  public ClusterIssuers(Fleet fleet) {
    this.fleet = fleet;
  }

  /** Every cluster the filter selects, described; clusters deleted meanwhile are left out. */
  public List<ClusterIssuer> all(Target region, ClusterFilter filter) {
    List<ClusterIssuer> out = new ArrayList<>();
    for (String name : fleet.clusterNames(region, filter)) {
      ClusterIssuer cluster = one(region, name);
      if (cluster != null) {
        out.add(cluster);
      }
    }
    return out;
  }

  /** One cluster, or null when it does not exist. */
  public ClusterIssuer one(Target region, String name) {
    Cluster c = fleet.describe(region, name);
    if (c == null) {
      return null;
    }
    String issuer =
        c.identity() == null || c.identity().oidc() == null ? null : c.identity().oidc().issuer();
    return new ClusterIssuer(
        region.region(),
        c.name(),
        c.arn(),
        c.statusAsString(),
        issuer,
        c.createdAt(),
        Fleet.excludedByTag(c.tags()));
  }
}
