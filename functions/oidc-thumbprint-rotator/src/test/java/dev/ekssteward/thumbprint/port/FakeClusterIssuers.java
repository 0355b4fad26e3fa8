package dev.ekssteward.thumbprint.port;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** EKS clusters and their issuers, in memory: what the twin's rotator lists and describes. */
public final class FakeClusterIssuers implements ClusterIssuers {
  private final Map<String, ClusterIssuer> byRegionAndName = new ConcurrentHashMap<>();

  public void add(ClusterIssuer cluster) {
    byRegionAndName.put(cluster.region() + "/" + cluster.name(), cluster);
  }

  @Override
  public List<ClusterIssuer> all(Target region, ClusterFilter filter) {
    List<ClusterIssuer> out = new ArrayList<>();
    for (ClusterIssuer c : byRegionAndName.values()) {
      if (c.region().equals(region.region()) && filter.matches(c.name())) {
        out.add(c);
      }
    }
    out.sort(Comparator.comparing(ClusterIssuer::name));
    return out;
  }

  @Override
  public ClusterIssuer one(Target region, String name) {
    return byRegionAndName.get(region.region() + "/" + name);
  }
}
