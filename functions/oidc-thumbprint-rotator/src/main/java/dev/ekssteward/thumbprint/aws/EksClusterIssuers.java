package dev.ekssteward.thumbprint.aws;

import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.port.ClusterIssuers;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import software.amazon.awssdk.services.eks.model.Cluster;

/** {@link ClusterIssuers} on the shared {@link Fleet} (ListClusters, DescribeCluster). */
public final class EksClusterIssuers implements ClusterIssuers {
  private final Fleet fleet;

  @Inject
  public EksClusterIssuers(Fleet fleet) {
    this.fleet = fleet;
  }

  @Override
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

  @Override
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
