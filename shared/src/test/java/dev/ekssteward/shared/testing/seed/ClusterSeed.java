package dev.ekssteward.shared.testing.seed;

import static dev.ekssteward.shared.testing.seed.FleetSeed.plus;

import java.util.List;
import java.util.Map;

/**
 * An EKS cluster and what belongs to it. A cluster already in the local AWS is kept as it is (its
 * tags too): seeding then adds only the node groups, profiles and provider described here, as a
 * test does when it creates something mid-way.
 *
 * @param name the cluster's name
 * @param version Kubernetes version; null: moto's default
 * @param tags the cluster's tags
 * @param nodegroups managed node groups, created in this order
 * @param fargateProfiles Fargate profiles, created in this order
 * @param oidcProvider an IAM OIDC provider for the cluster's own issuer; null: none
 */
public record ClusterSeed(
    String name,
    String version,
    Map<String, String> tags,
    List<NodegroupSeed> nodegroups,
    List<ProfileSeed> fargateProfiles,
    ProviderSeed oidcProvider) {

  public ClusterSeed {
    tags = Map.copyOf(tags);
    nodegroups = List.copyOf(nodegroups);
    fargateProfiles = List.copyOf(fargateProfiles);
  }

  public static ClusterSeed cluster(String name) {
    return new ClusterSeed(name, null, Map.of(), List.of(), List.of(), null);
  }

  public ClusterSeed version(String value) {
    return new ClusterSeed(name, value, tags, nodegroups, fargateProfiles, oidcProvider);
  }

  public ClusterSeed tags(Map<String, String> all) {
    return new ClusterSeed(name, version, all, nodegroups, fargateProfiles, oidcProvider);
  }

  public ClusterSeed nodegroup(NodegroupSeed group) {
    return new ClusterSeed(
        name, version, tags, plus(nodegroups, group), fargateProfiles, oidcProvider);
  }

  public ClusterSeed fargateProfile(ProfileSeed profile) {
    return new ClusterSeed(
        name, version, tags, nodegroups, plus(fargateProfiles, profile), oidcProvider);
  }

  /** An OIDC provider for this cluster's issuer (whose URL moto draws) with these thumbprints. */
  public ClusterSeed oidcProvider(String... thumbprints) {
    return oidcProvider(ProviderSeed.clusterIssuer().thumbprints(thumbprints));
  }

  public ClusterSeed oidcProvider(ProviderSeed provider) {
    return new ClusterSeed(name, version, tags, nodegroups, fargateProfiles, provider);
  }
}
