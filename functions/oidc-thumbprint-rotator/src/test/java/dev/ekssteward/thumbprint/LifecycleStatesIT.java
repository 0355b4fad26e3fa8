package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.OLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.SeededCluster;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Real EKS lifecycle states against moto with them on: the CreateCluster event arrives while the
 * cluster is CREATING (about ten minutes on AWS), a tick finds a cluster CREATING, UPDATING or
 * DELETING, and the exclude tag on a cluster still being created.
 */
class LifecycleStatesIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private Rig rig;
  private TestPki.Chain chain;
  private LocalIssuer server;

  @BeforeEach
  void start() throws Exception {
    rig = new Rig(aws);
    chain = TestPki.chain("lifecycle");
    server = rig.serveTrusted(chain);
    rig.config(Rig.allowingLocalhost());
    // A cluster stays CREATING (UPDATING, DELETING) while whole invocations start and look,
    // however slow the machine, until the test ends its transition (aws.settle()).
    aws.options(Map.of("clusterTransitionSeconds", 3600));
  }

  @AfterEach
  void stop() throws Exception {
    rig.close();
  }

  /** CreateCluster as someone runs it: the cluster is CREATING, its issuer already assigned. */
  private static Cluster createCluster(String name, Map<String, String> tags) {
    return aws.eks()
        .createCluster(
            r ->
                r.name(name)
                    .roleArn("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-cluster")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-0abc1234", "subnet-0def5678"))
                    .tags(tags.isEmpty() ? null : tags))
        .cluster();
  }

  private static String status(String name) {
    return aws.eks().describeCluster(r -> r.name(name)).cluster().statusAsString();
  }

  private long describes() {
    return rig.calls.calls().stream().filter("eks:DescribeCluster"::equals).count();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> report, String key) {
    return (List<Map<String, Object>>) report.get(key);
  }

  @Test
  void theCreateClusterEventOfAClusterStillCreatingIsLookedAtLaterNotWaitedFor() throws Exception {
    Cluster created = createCluster("dev-1", Map.of()); // the name in the sample event
    String arn = rig.createProvider(created.identity().oidc().issuer(), OLD);
    assertThat(status("dev-1")).isEqualTo("CREATING");

    Map<String, Object> report =
        Delivery.MAP.run(rig.routedTo(server, false), EventRoutingIT.CREATE_CLUSTER);

    // No invocation waits for EKS: the look is deferred (to the recheck queue, NewClusterLooksIT;
    // here, without one, to the next tick).
    assertThat(report).containsEntry("status", "ok");
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(report.get("pending").toString())
        .contains("without RECHECK_QUEUE_URL the next tick looks");
    aws.settle();

    Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(status("dev-1")).isEqualTo("ACTIVE");
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
  }

  @Test
  void aTickSkipsAClusterStillCreatingAndTheNextTickChecksIt() throws Exception {
    Cluster created = createCluster("dev-1", Map.of());
    String arn = rig.createProvider(created.identity().oidc().issuer(), OLD);

    Map<String, Object> first = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(list(first, "planned"))
        .extracting(p -> p.get("type"), p -> p.get("target"), p -> p.get("reason"))
        .containsExactly(
            Tuple.tuple("Skip", created.arn(), "cluster is CREATING; a later run checks it"));
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(server.connections()).isZero();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
    aws.settle();
    rig.calls.clear();

    Map<String, Object> next = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(next).containsEntry("status", "ok");
    assertThat(rig.calls.mutations()).containsExactly(EventRoutingIT.UPDATE);
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
  }

  @Test
  void anExcludedClusterStillCreatingIsSkippedWithoutWaitingForIt() throws Exception {
    Cluster created = createCluster("dev-1", Map.of(Contract.EXCLUDE_TAG, "true"));
    String arn = rig.createProvider(created.identity().oidc().issuer(), OLD);

    Map<String, Object> report =
        Delivery.MAP.run(rig.routedTo(server, false), EventRoutingIT.CREATE_CLUSTER);

    assertThat(list(report, "planned"))
        .extracting(p -> p.get("type"), p -> p.get("reason"))
        .containsExactly(Tuple.tuple("Skip", "cluster is tagged eks-steward/exclude=true"));
    assertThat(describes()).as("one look, no wait").isEqualTo(1);
    assertThat(status("dev-1")).isEqualTo("CREATING");
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(server.connections()).isZero();
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
  }

  /** Was: skipped as "cluster is UPDATING" until the next daily run. */
  @Test
  void aClusterBeingUpdatedKeepsServingItsIssuerAndIsChecked() throws Exception {
    SeededCluster cluster = rig.createCluster("dev-1");
    String arn = rig.createProvider(cluster, OLD);
    aws.eks().updateClusterConfig(r -> r.name("dev-1").logging(l -> l.clusterLogging(List.of())));
    assertThat(status("dev-1")).isEqualTo("UPDATING");

    Map<String, Object> report = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(report).containsEntry("status", "ok");
    assertThat(list(report, "planned")).extracting(p -> p.get("type")).doesNotContain("Skip");
    assertThat(rig.calls.mutations()).containsExactly(EventRoutingIT.UPDATE);
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(chain.thumbprint(), OLD);
  }

  @Test
  void aClusterBeingDeletedIsLeftAloneAndOnceGoneIsNoLongerLookedAt() throws Exception {
    SeededCluster cluster = rig.createCluster("dev-1"); // seeded: ACTIVE, as long ago
    String clusterArn = cluster.arn();
    String arn = rig.createProvider(cluster, OLD);
    aws.eks().deleteCluster(r -> r.name("dev-1"));

    Map<String, Object> deleting = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(list(deleting, "planned"))
        .extracting(p -> p.get("type"), p -> p.get("target"), p -> p.get("reason"))
        .containsExactly(
            Tuple.tuple("Skip", clusterArn, "cluster is DELETING; a later run checks it"));
    assertThat(rig.calls.mutations()).isEmpty();
    assertThat(server.connections()).isZero();
    aws.settle();
    rig.calls.clear();

    Map<String, Object> gone = Rig.run(rig.routedTo(server, false), Rig.tick());

    assertThat(gone).containsEntry("status", "ok");
    assertThat(gone.get("errors")).isEqualTo(List.of());
    assertThat(list(gone, "planned")).isEmpty();
    assertThat(rig.calls.calls()).doesNotContain("eks:DescribeCluster");
    // The provider of a deleted cluster is no longer any cluster's: this function leaves it be.
    assertThat(rig.provider(arn).thumbprintList()).containsExactly(OLD);
  }
}
