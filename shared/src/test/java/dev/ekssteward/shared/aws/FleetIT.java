package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.EksClient;

/** Per-target clients: other regions, and other accounts through STS AssumeRole. */
class FleetIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final String MEMBER = "111122223333";
  private static final String ROLE = "arn:aws:iam::" + MEMBER + ":role/eks-steward-member";

  private final CallRecorder calls = new CallRecorder("shared");
  private final AwsClients clients =
      new AwsClients(aws.settings(true), "fleet-test", List.of(calls), Waits.none().backoff());
  private final Fleet fleet = new Fleet(clients);

  private static void createCluster(EksClient eks, String name) {
    eks.createCluster(
        r ->
            r.name(name)
                .roleArn("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks")
                .resourcesVpcConfig(v -> v.subnetIds("subnet-0abc1234")));
  }

  /** An EKS client acting inside the member account, as moto scopes state by credentials. */
  private EksClient memberEks() {
    return aws.member(ROLE, EksClient.builder());
  }

  @Test
  void listsEveryPageAndAppliesTheFilter() {
    for (int i = 0; i < 105; i++) {
      createCluster(aws.eks(), String.format("dev-%03d", i));
    }
    createCluster(aws.eks(), "prod-1");

    List<String> names =
        fleet.clusterNames(
            clients.home(), new ClusterFilter(List.of("*"), List.of("prod-*", "dev-10?")));

    assertThat(names).hasSize(100).doesNotContain("prod-1", "dev-100", "dev-104");
    assertThat(calls.calls()).containsExactly("eks:ListClusters", "eks:ListClusters");
  }

  @Test
  void regionsAreSeparate() {
    createCluster(aws.client(EksClient.builder(), "us-east-2"), "ohio-1");
    createCluster(aws.eks(), "ireland-1");

    assertThat(
            fleet.clusterNames(
                Target.home("us-east-2"), new ClusterFilter(List.of("*"), List.of())))
        .containsExactly("ohio-1");
  }

  @Test
  void memberAccountsAreReachedByAssumingTheirRole() {
    createCluster(memberEks(), "member-1");
    createCluster(aws.eks(), "home-1");

    List<String> names =
        fleet.clusterNames(
            new Target(MEMBER, LocalAws.REGION, ROLE), new ClusterFilter(List.of("*"), List.of()));

    assertThat(names).containsExactly("member-1");
    assertThat(calls.calls()).containsExactlyInAnyOrder("sts:AssumeRole", "eks:ListClusters");
  }
}
