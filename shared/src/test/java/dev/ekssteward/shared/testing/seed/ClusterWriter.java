package dev.ekssteward.shared.testing.seed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;

/**
 * Creates one cluster with its node groups (and their Auto Scaling groups), Fargate profiles and
 * OIDC provider. A cluster that exists already is kept as it is and only added to.
 */
final class ClusterWriter {
  private final SeedingClients clients;
  private final FleetSeed.Defaults defaults;
  private final AsgWriter asgs;
  private final ProviderWriter providers;

  ClusterWriter(SeedingClients clients, FleetSeed.Defaults defaults) {
    this.clients = clients;
    this.defaults = defaults;
    this.asgs = new AsgWriter(clients);
    this.providers = new ProviderWriter(clients);
  }

  /** The seeded cluster, and its provider's ARN in {@code providerArns} by issuer. */
  SeededCluster write(ClusterSeed seed, Map<String, String> providerArns) {
    Cluster cluster = createOrFind(seed);
    Map<String, String> groups = new LinkedHashMap<>();
    Map<String, String> groupAsgs = new LinkedHashMap<>();
    for (NodegroupSeed group : seed.nodegroups()) {
      Nodegroup made = nodegroup(seed.name(), group);
      groups.put(group.name(), made.nodegroupArn());
      made.resources().autoScalingGroups().stream()
          .findFirst()
          .ifPresent(asg -> groupAsgs.put(group.name(), asg.name()));
      if (group.autoScalingGroup() != null) {
        asgs.write(groupAsgs.get(group.name()), group.autoScalingGroup());
      }
    }
    Map<String, String> profiles = new LinkedHashMap<>();
    for (ProfileSeed profile : seed.fargateProfiles()) {
      profiles.put(profile.name(), profile(seed.name(), profile));
    }
    String issuer = cluster.identity().oidc().issuer();
    if (seed.oidcProvider() != null) {
      providerArns.put(issuer, providers.write(seed.oidcProvider(), issuer));
    }
    return new SeededCluster(seed.name(), cluster.arn(), issuer, groups, groupAsgs, profiles);
  }

  private Cluster createOrFind(ClusterSeed seed) {
    try {
      Cluster made =
          clients
              .eks()
              .createCluster(
                  r ->
                      r.name(seed.name())
                          .version(seed.version())
                          .roleArn(defaults.clusterRoleArn())
                          .resourcesVpcConfig(v -> v.subnetIds(defaults.subnets()))
                          .tags(absentIfEmpty(seed.tags())))
              .cluster();
      if (made.identity() != null) {
        return made;
      }
    } catch (ResourceInUseException e) {
      // there already: add to it
    }
    return clients.eks().describeCluster(r -> r.name(seed.name())).cluster();
  }

  private Nodegroup nodegroup(String cluster, NodegroupSeed group) {
    return clients
        .eks()
        .createNodegroup(
            r -> {
              r.clusterName(cluster)
                  .nodegroupName(group.name())
                  .nodeRole(defaults.nodeRoleArn())
                  .subnets(defaults.subnets())
                  .tags(absentIfEmpty(group.tags()));
              if (group.scaling() != null) {
                NodegroupSeed.Scaling s = group.scaling();
                r.scalingConfig(
                    c -> c.minSize(s.minSize()).desiredSize(s.desiredSize()).maxSize(s.maxSize()));
              }
            })
        .nodegroup();
  }

  private String profile(String cluster, ProfileSeed profile) {
    List<FargateProfileSelector> selectors =
        profile.selectors().stream()
            .map(
                s ->
                    FargateProfileSelector.builder()
                        .namespace(s.namespace())
                        .labels(absentIfEmpty(s.labels())))
            .map(FargateProfileSelector.Builder::build)
            .toList();
    return clients
        .eks()
        .createFargateProfile(
            r ->
                r.clusterName(cluster)
                    .fargateProfileName(profile.name())
                    .podExecutionRoleArn(
                        profile.podExecutionRoleArn() == null
                            ? defaults.podExecutionRoleArn()
                            : profile.podExecutionRoleArn())
                    .subnets(
                        profile.subnets() == null
                            ? defaults.subnets()
                            : absentIfEmpty(profile.subnets()))
                    .selectors(selectors)
                    .tags(absentIfEmpty(profile.tags())))
        .fargateProfile()
        .fargateProfileArn();
  }

  /** No map at all rather than an empty one, as a caller who names no tags sends. */
  private static Map<String, String> absentIfEmpty(Map<String, String> map) {
    return map.isEmpty() ? null : map;
  }

  private static List<String> absentIfEmpty(List<String> list) {
    return list.isEmpty() ? null : list;
  }
}
