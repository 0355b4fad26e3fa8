package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Per-target clients: other regions, and other accounts through STS AssumeRole. */
class FleetIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final String MEMBER = "111122223333";
  private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/eks-steward-member";

  private final CallRecorder calls = new CallRecorder("shared");
  private final AwsClients clients =
      new AwsClients(aws.settings(true), "fleet-test", List.of(calls), Waits.none().backoff());
  private final Fleet fleet = new Fleet(clients);

  /** A fleet of these clusters in the tests' region. */
  private static FleetSeed clusters(String... names) {
    FleetSeed fleet = FleetSeed.fleet();
    for (String name : names) {
      fleet = fleet.cluster(ClusterSeed.cluster(name));
    }
    return fleet;
  }

  @Test
  void listsEveryPageAndAppliesTheFilter() {
    List<String> seeded = new ArrayList<>();
    for (int i = 0; i < 105; i++) {
      seeded.add(String.format("dev-%03d", i));
    }
    seeded.add("prod-1");
    aws.seeder().seed(clusters(seeded.toArray(String[]::new)));

    List<String> names =
        fleet.clusterNames(
            clients.home(), new ClusterFilter(List.of("*"), List.of("prod-*", "dev-10?")));

    assertThat(names).hasSize(100).doesNotContain("prod-1", "dev-100", "dev-104");
    assertThat(calls.calls()).containsExactly("eks:ListClusters", "eks:ListClusters");
  }

  @Test
  void regionsAreSeparate() {
    aws.seeder().seed(clusters("ohio-1").region("us-east-2"));
    aws.seeder().seed(clusters("ireland-1"));

    assertThat(
            fleet.clusterNames(
                Target.home("us-east-2"), new ClusterFilter(List.of("*"), List.of())))
        .containsExactly("ohio-1");
  }

  @Test
  void memberAccountsAreReachedByAssumingTheirRole() {
    aws.seeder().asMember(ROLE).seed(clusters("member-1"));
    aws.seeder().seed(clusters("home-1"));

    List<String> names =
        fleet.clusterNames(
            new Target(MEMBER, LocalAws.REGION, ROLE), new ClusterFilter(List.of("*"), List.of()));

    assertThat(names).containsExactly("member-1");
    assertThat(calls.calls()).containsExactlyInAnyOrder("sts:AssumeRole", "eks:ListClusters");
  }
}
