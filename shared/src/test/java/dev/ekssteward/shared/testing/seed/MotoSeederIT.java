package dev.ekssteward.shared.testing.seed;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static dev.ekssteward.shared.testing.seed.NodegroupSeed.nodegroup;
import static dev.ekssteward.shared.testing.seed.ProfileSeed.profile;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.LocalAws;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The seeder against the local AWS: what it creates, what it returns, and transitions. */
class MotoSeederIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private final EksClient eks = aws.eks();
  private final IamClient iam =
      aws.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()), "us-east-1");

  @Test
  void theDemoFleetIsSeededAsDescribed() {
    SeededFleet seeded =
        aws.seeder().seed(FleetSeedJson.read(FleetSeedJsonTest.DEMO.resolve("fleet.json")));

    Nodegroup general =
        eks.describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("general")).nodegroup();
    assertThat(general.scalingConfig().desiredSize()).isEqualTo(2);
    assertThat(general.tags()).containsEntry("eks-steward/schedule", "office-hours");
    assertThat(general.nodegroupArn()).isEqualTo(seeded.cluster("dev-1").nodegroupArn("general"));
    assertThat(eks.describeCluster(r -> r.name("staging-1")).cluster().tags())
        .isEqualTo(Map.of("team", "payments", "env", "Staging"));
    assertThat(eks.listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
        .containsExactly("jobs", "legacy");
    String issuer = seeded.cluster("dev-1").issuer();
    assertThat(issuer).startsWith("https://oidc.eks.eu-west-1.amazonaws.com/id/");
    // The demo's clusters have no provider (their AWS issuers cannot be reached locally; the demo
    // adds a local issuer of its own); the extra issuer's provider is seeded.
    assertThat(seeded.providerArns()).hasSize(1);
    String extra = "https://token.actions.githubusercontent.com";
    assertThat(
            iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(seeded.providerArn(extra)))
                .thumbprintList())
        .containsExactly("6938fd4d98bab03faadb97b34396831e3780aea1");
    assertThat(aws.ssm().getParameter(r -> r.name("/eks-steward/fargate/staging-1")).parameter())
        .satisfies(p -> assertThat(p.value()).startsWith("{\"prune\":true"));

    aws.events()
        .putEvents(
            r ->
                r.entries(
                    e ->
                        e.eventBusName("eks-steward-audit")
                            .source("eks-steward")
                            .detailType("Seeded")
                            .detail("{}")));
    SqsClient sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    assertThat(sqs.receiveMessage(r -> r.queueUrl(seeded.auditQueueUrl())).messages())
        .singleElement()
        .satisfies(m -> assertThat(m.body()).contains("\"detail-type\": \"Seeded\""));
  }

  @Test
  void withTransitionsOnTheSeededFleetIsActiveAtOnceAndTheOptionsAreKept() {
    aws.options(Map.of("transitionSeconds", 30, "nodegroupTransitionSeconds", 20));

    aws.seeder()
        .seed(
            fleet()
                .cluster(
                    cluster("dev-1")
                        .nodegroup(nodegroup("web").scaling(1, 2, 3))
                        .fargateProfile(profile("a").selector("a"))
                        .fargateProfile(profile("b").selector("b"))));

    assertThat(eks.describeCluster(r -> r.name("dev-1")).cluster().statusAsString())
        .isEqualTo("ACTIVE");
    assertThat(
            eks.describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("web"))
                .nodegroup()
                .statusAsString())
        .isEqualTo("ACTIVE");
    assertThat(aws.options())
        .containsEntry("transitionSeconds", new BigDecimal("30.0"))
        .containsEntry("nodegroupTransitionSeconds", new BigDecimal("20.0"));
    eks.createNodegroup(
        r ->
            r.clusterName("dev-1")
                .nodegroupName("made-by-the-test")
                .nodeRole("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-nodes")
                .subnets("subnet-0abc1234"));
    assertThat(
            eks.describeNodegroup(r -> r.clusterName("dev-1").nodegroupName("made-by-the-test"))
                .nodegroup()
                .statusAsString())
        .isEqualTo("CREATING");
  }

  @Test
  void aClusterThatExistsIsAddedToAndKeptAsItIs() {
    MotoSeeder seeder = aws.seeder();
    SeededFleet first =
        seeder.seed(fleet().cluster(cluster("dev-1").tags(Map.of("team", "search"))));

    SeededFleet second =
        seeder.seed(
            fleet()
                .cluster(
                    cluster("dev-1")
                        .tags(Map.of("team", "other"))
                        .nodegroup(nodegroup("late").autoScalingGroup(Map.of("k", "v")))));

    assertThat(second.cluster("dev-1").arn()).isEqualTo(first.cluster("dev-1").arn());
    assertThat(eks.describeCluster(r -> r.name("dev-1")).cluster().tags())
        .isEqualTo(Map.of("team", "search"));
    String asg = second.cluster("dev-1").autoScalingGroup("late");
    AutoScalingClient autoscaling =
        aws.client(AutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()));
    assertThat(
            autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(asg))
                .autoScalingGroups())
        .singleElement()
        .satisfies(
            g ->
                assertThat(g.tags())
                    .singleElement()
                    .satisfies(
                        t -> {
                          assertThat(t.key()).isEqualTo("k");
                          assertThat(t.propagateAtLaunch()).isTrue();
                        }));
  }

  @Test
  void aMemberAccountIsSeededThroughItsRole() {
    String role = "arn:aws:iam::111122223333:role/eks-steward-member";

    aws.seeder().asMember(role).seed(fleet().cluster(cluster("member-1")));

    assertThat(eks.listClusters().clusters()).isEmpty();
    assertThat(aws.member(role, EksClient.builder()).listClusters().clusters())
        .containsExactly("member-1");
  }
}
