package dev.ekssteward.thumbprint.port;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import java.util.List;

/** The EKS calls the rotator makes: the clusters of a region and their OIDC issuers. */
public interface ClusterIssuers {
  /** Every cluster the filter selects, described; clusters deleted meanwhile are left out. */
  List<ClusterIssuer> all(Target region, ClusterFilter filter);

  /** One cluster, or null when it does not exist. */
  ClusterIssuer one(Target region, String name);
}
