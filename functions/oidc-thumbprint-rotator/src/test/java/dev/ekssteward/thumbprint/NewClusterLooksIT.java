package dev.ekssteward.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecheckQueue;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;

/**
 * A cluster still CREATING when its CreateCluster event arrives (the local AWS's lifecycle states
 * on) gets its OIDC provider on the first deferred look after it is ACTIVE, not at the next daily
 * tick, and no invocation waits for it; one that never gets there is reported after eight looks.
 * SQS time runs 250 times faster ({@link RecheckQueue}).
 */
class NewClusterLooksIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Duration SCALED_LOOK = Duration.ofSeconds(20);

  private Rig rig;
  private RecheckQueue queue;
  private LocalIssuer server;

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(aws);
    queue = RecheckQueue.create(aws);
    rig.rechecks(queue);
    server = rig.serveTrusted(TestPki.chain("new-cluster"));
    rig.config(
        "{\"thumbprints\":{\"createMissingProviders\":true,"
            + "\"allowedHosts\":[\"oidc.eks.*.amazonaws.com\",\"localhost\"]}}");
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  /** What someone does: CreateCluster dev-1 (the name in the sample event). */
  private void createCluster(double transitionSeconds) {
    aws.options(Map.of("clusterTransitionSeconds", transitionSeconds));
    aws.eks()
        .createCluster(
            r ->
                r.name("dev-1")
                    .roleArn("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-cluster")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-0abc1234", "subnet-0def5678")));
    assertThat(aws.eks().describeCluster(r -> r.name("dev-1")).cluster().statusAsString())
        .isEqualTo("CREATING");
  }

  private Map<String, Object> handle(Map<String, Object> event) {
    return rig.routedTo(server, false).handle(event, new TestContext(ThumbprintRotator.NAME));
  }

  private Map<String, Object> nextLook() throws InterruptedException {
    return handle(RecheckQueue.event(queue.awaitNext(SCALED_LOOK)));
  }

  private List<OpenIDConnectProviderListEntry> providers() {
    return rig.iam.listOpenIDConnectProviders().openIDConnectProviderList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void aNewClusterGetsItsProviderOnTheFirstLookAfterItIsActive() throws Exception {
    createCluster(3600); // CREATING until the test says EKS has finished

    Map<String, Object> report = handle(EventFiles.load(EventRoutingIT.CREATE_CLUSTER));

    assertThat(list(report, "planned"))
        .extracting(p -> p.get("type"), p -> p.get("reason"))
        .containsExactly(Tuple.tuple("Skip", "cluster is CREATING; not ACTIVE yet"));
    assertThat(list(report, "pending"))
        .extracting(p -> p.get("reason"))
        .containsExactly("still in transition; look 1 of 8 in 5 min");
    assertThat(rig.iamCalls()).doesNotContain("iam:CreateOpenIDConnectProvider");
    assertThat(server.connections()).isZero();

    // The first look finds it still CREATING and asks for the next one.
    rig.calls.clear();
    assertThat(nextLook()).isEqualTo(Map.of("batchItemFailures", List.of()));
    assertThat(providers()).isEmpty();
    assertThat(rig.calls.calls()).contains("sqs:SendMessage");

    aws.settle(); // EKS has finished creating it
    rig.calls.clear();
    assertThat(nextLook()).isEqualTo(Map.of("batchItemFailures", List.of()));

    assertThat(providers()).hasSize(1);
    assertThat(rig.audit.ofType("OIDC Provider Created"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).containsEntry("cluster", "dev-1"));
    assertThat(rig.calls.calls()).doesNotContain("sqs:SendMessage");
    Thread.sleep(2_000); // a scaled look: none is sent once the cluster was ACTIVE
    assertThat(queue.receiveNow()).isEmpty();
  }

  @Test
  void aClusterThatNeverBecomesActiveIsReportedAfterEightLooks() throws Exception {
    createCluster(3600);

    handle(EventFiles.load(EventRoutingIT.CREATE_CLUSTER));
    for (int look = 1; look <= 8; look++) {
      assertThat(nextLook()).as("look " + look).isEqualTo(Map.of("batchItemFailures", List.of()));
    }

    assertThat(rig.audit.ofType("Cluster Not Active"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.resources())
                  .containsExactly("arn:aws:eks:eu-west-1:" + LocalAws.ACCOUNT + ":cluster/dev-1");
              assertThat(a.detail())
                  .containsEntry("cluster", "dev-1")
                  .containsEntry("clusterRegion", "eu-west-1")
                  .containsEntry("status", "CREATING");
              assertThat(((Number) a.detail().get("looks")).intValue()).isEqualTo(9);
              assertThat(((Number) a.detail().get("minutesWaited")).intValue()).isEqualTo(40);
            });
    Thread.sleep(2_000);
    assertThat(queue.receiveNow()).as("no ninth look").isEmpty();
    assertThat(providers()).isEmpty();
    assertThat(server.connections()).isZero();
  }
}
