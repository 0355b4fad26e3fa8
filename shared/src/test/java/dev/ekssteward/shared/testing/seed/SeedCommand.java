package dev.ekssteward.shared.testing.seed;

import java.net.URI;
import java.nio.file.Path;

/**
 * Seeds the local AWS at {@code AWS_ENDPOINT_URL} with a fleet description file: what local/demo
 * and the benchmarks run (the class path is local/runner/target/seed-classpath.txt, written by
 * {@code mvn package}).
 *
 * <pre>java -cp "$(cat local/runner/target/seed-classpath.txt)" \
 *     dev.ekssteward.shared.testing.seed.SeedCommand local/demo-fleet/fleet.json [--threads N]
 * </pre>
 *
 * Prints one line: what it seeded and how long that took.
 */
public final class SeedCommand {
  private SeedCommand() {}

  public static void main(String[] args) {
    if (args.length != 1 && !(args.length == 3 && args[1].equals("--threads"))) {
      System.err.println("usage: SeedCommand <fleet.json> [--threads N]   (AWS_ENDPOINT_URL set)");
      System.exit(2);
    }
    String endpoint = System.getenv("AWS_ENDPOINT_URL");
    if (endpoint == null || endpoint.isBlank()) {
      System.err.println("AWS_ENDPOINT_URL must name the local AWS to seed");
      System.exit(2);
    }
    int threads = args.length == 3 ? Integer.parseInt(args[2]) : 1;
    FleetSeed fleet = FleetSeedJson.read(Path.of(args[0]));
    long start = System.nanoTime();
    SeededFleet seeded = new MotoSeeder(MotoClients.at(URI.create(endpoint)), threads).seed(fleet);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(summary(fleet, seeded) + String.format(" (%.1f s)", seconds));
  }

  static String summary(FleetSeed fleet, SeededFleet seeded) {
    int groups = fleet.clusters().stream().mapToInt(c -> c.nodegroups().size()).sum();
    String config =
        fleet.parameters().config() == null
            ? "no config"
            : "config at " + fleet.parameters().prefix() + "/config";
    String bus = fleet.auditBus() == null ? "no audit bus" : "audit bus " + fleet.auditBus();
    return "seeded %d clusters, %d node groups, %d OIDC providers, %s, %s"
        .formatted(seeded.clusters().size(), groups, seeded.providerArns().size(), config, bus);
  }
}
