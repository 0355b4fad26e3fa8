package dev.ekssteward.shared.testing.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Puts a {@link FleetSeed} into the local AWS through the AWS SDK: the one way tests, local/demo
 * and the benchmarks seed. Order: parameters, the audit bus and its tap, clusters (each with its
 * node groups and their Auto Scaling groups, Fargate profiles and OIDC provider), further Auto
 * Scaling groups, further OIDC providers.
 *
 * <p>Lifecycle states: while it creates EKS resources, the seeder switches the local AWS's
 * transitions (and request-limit faults) off, and afterwards puts back the values it found. So what
 * it seeds is ACTIVE at once, as if made long before, even when a test turned {@code
 * transitionSeconds} on first (a node group cannot be created on a cluster that is still CREATING);
 * it never waits. Resources a test created itself keep their own deadlines. Against plain moto,
 * which has no options, it just seeds.
 */
public final class MotoSeeder {
  private final MotoClients clients;
  private final int threads;

  /**
   * @param clients where to seed, in which account
   * @param threads clusters written at once: more than one loses the clusters' order in moto
   */
  public MotoSeeder(MotoClients clients, int threads) {
    this.clients = clients;
    this.threads = threads;
  }

  /** The same seeder acting inside the moto account whose role this is (reached through STS). */
  public MotoSeeder asMember(String roleArn) {
    return new MotoSeeder(clients.assuming(roleArn), threads);
  }

  /** Creates everything the description names; returns what moto assigned. */
  public SeededFleet seed(FleetSeed fleet) {
    try (SeedingClients aws = new SeedingClients(clients, fleet.region())) {
      new ParameterWriter(aws).write(fleet.parameters());
      String queue =
          fleet.auditBus() == null
              ? null
              : new AuditTapWriter(aws).write(fleet.auditBus(), fleet.auditQueue());
      Map<String, String> providerArns = new ConcurrentHashMap<>();
      Map<String, SeededCluster> clusters = Map.of();
      if (!fleet.clusters().isEmpty()) {
        try (SettledSeeding settled = SettledSeeding.begin(new LocalOptions(clients.endpoint()))) {
          clusters =
              clusters(fleet.clusters(), new ClusterWriter(aws, fleet.defaults()), providerArns);
        }
      }
      AsgWriter asgs = new AsgWriter(aws);
      fleet.autoScalingGroups().forEach(g -> asgs.write(g.name(), g));
      ProviderWriter providers = new ProviderWriter(aws);
      fleet.providers().forEach(p -> providerArns.put(p.url(), providers.write(p, p.url())));
      return new SeededFleet(clusters, Map.copyOf(providerArns), queue);
    }
  }

  private Map<String, SeededCluster> clusters(
      List<ClusterSeed> seeds, ClusterWriter writer, Map<String, String> providerArns) {
    Map<String, SeededCluster> out = new LinkedHashMap<>();
    if (threads <= 1) {
      seeds.forEach(c -> out.put(c.name(), writer.write(c, providerArns)));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<SeededCluster>> made = new ArrayList<>();
      seeds.forEach(c -> made.add(pool.submit(() -> writer.write(c, providerArns))));
      for (Future<SeededCluster> f : made) {
        SeededCluster c = f.get();
        out.put(c.name(), c);
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("seeding interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }
}
