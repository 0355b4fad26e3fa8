package dev.ekssteward.shared.testing.seed;

import java.util.ArrayList;
import java.util.List;

/**
 * A fleet as it should stand in the local AWS before a test, the demo or a benchmark runs: what
 * {@link MotoSeeder} creates. Built fluently ({@code FleetSeed.fleet().config(json).cluster(...)})
 * or read from JSON ({@link FleetSeedJson}: the format of local/demo-fleet/fleet.json, listed in
 * docs/local.md). Each "with" method returns a new description, so tests can share a base.
 *
 * @param region where the clusters, parameters, audit bus and groups are (IAM is global)
 * @param parameters the SSM parameters: config, desired Fargate state and any others
 * @param auditBus the EventBridge bus to create; null: none
 * @param auditQueue an SQS queue a rule on the audit bus fills with every eks-steward event (the
 *     audit tap); null: none
 * @param defaults the roles and subnets of resources that name none of their own
 * @param clusters the EKS clusters, created in this order
 * @param providers IAM OIDC providers of issuers other than the clusters' (GitHub Actions, ...)
 * @param autoScalingGroups Auto Scaling groups under names of their own, e.g. for a node group
 *     seeded earlier (see also {@link NodegroupSeed#autoScalingGroup})
 */
public record FleetSeed(
    String region,
    ParameterSeed parameters,
    String auditBus,
    String auditQueue,
    Defaults defaults,
    List<ClusterSeed> clusters,
    List<ProviderSeed> providers,
    List<AsgSeed> autoScalingGroups) {

  public FleetSeed {
    clusters = List.copyOf(clusters);
    providers = List.copyOf(providers);
    autoScalingGroups = List.copyOf(autoScalingGroups);
  }

  /**
   * The roles and subnets resources use unless they name their own.
   *
   * @param clusterRoleArn every cluster's role
   * @param nodeRoleArn every node group's role
   * @param podExecutionRoleArn the pod role of Fargate profiles that name none
   * @param subnets of every cluster and node group, and of profiles that name none
   */
  public record Defaults(
      String clusterRoleArn, String nodeRoleArn, String podExecutionRoleArn, List<String> subnets) {
    public Defaults {
      subnets = List.copyOf(subnets);
    }
  }

  /** An empty fleet in the tests' region and moto's default account, under /eks-steward. */
  public static FleetSeed fleet() {
    String role = "arn:aws:iam::" + MotoClients.ACCOUNT + ":role/";
    Defaults defaults =
        new Defaults(
            role + "eks-cluster",
            role + "eks-nodes",
            role + "fargate-pods",
            List.of("subnet-0abc1234", "subnet-0def5678"));
    return new FleetSeed(
        MotoClients.REGION,
        ParameterSeed.NONE,
        null,
        null,
        defaults,
        List.of(),
        List.of(),
        List.of());
  }

  public FleetSeed region(String name) {
    return new FleetSeed(
        name, parameters, auditBus, auditQueue, defaults, clusters, providers, autoScalingGroups);
  }

  /** {@code <prefix>/config}. */
  public FleetSeed config(String document) {
    return parameters(parameters.config(document));
  }

  /** {@code <prefix>/fargate/<cluster>}; the cluster need not be in the description. */
  public FleetSeed desiredFargate(String cluster, String document) {
    return parameters(parameters.desiredFargate(cluster, document));
  }

  /** Any other String parameter. */
  public FleetSeed parameter(String name, String value) {
    return parameters(parameters.other(name, value));
  }

  public FleetSeed parameters(ParameterSeed all) {
    return new FleetSeed(
        region, all, auditBus, auditQueue, defaults, clusters, providers, autoScalingGroups);
  }

  /** The audit bus, and with a queue name its tap (every eks-steward event copied there). */
  public FleetSeed auditBus(String bus, String queue) {
    return new FleetSeed(
        region, parameters, bus, queue, defaults, clusters, providers, autoScalingGroups);
  }

  public FleetSeed auditBus(String bus) {
    return auditBus(bus, auditQueue);
  }

  public FleetSeed defaults(Defaults all) {
    return new FleetSeed(
        region, parameters, auditBus, auditQueue, all, clusters, providers, autoScalingGroups);
  }

  public FleetSeed subnets(String... ids) {
    return defaults(
        new Defaults(
            defaults.clusterRoleArn(),
            defaults.nodeRoleArn(),
            defaults.podExecutionRoleArn(),
            List.of(ids)));
  }

  public FleetSeed cluster(ClusterSeed cluster) {
    return new FleetSeed(
        region,
        parameters,
        auditBus,
        auditQueue,
        defaults,
        plus(clusters, cluster),
        providers,
        autoScalingGroups);
  }

  public FleetSeed provider(ProviderSeed provider) {
    return new FleetSeed(
        region,
        parameters,
        auditBus,
        auditQueue,
        defaults,
        clusters,
        plus(providers, provider),
        autoScalingGroups);
  }

  public FleetSeed autoScalingGroup(AsgSeed group) {
    return new FleetSeed(
        region,
        parameters,
        auditBus,
        auditQueue,
        defaults,
        clusters,
        providers,
        plus(autoScalingGroups, group));
  }

  static <T> List<T> plus(List<T> list, T item) {
    List<T> out = new ArrayList<>(list);
    out.add(item);
    return out;
  }
}
