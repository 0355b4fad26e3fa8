package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.scheduler.MotoFleet.at;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

/**
 * The opt-in Cluster Autoscaler pause against moto, with the Auto Scaling groups EKS would have
 * made (seeded: moto's EKS makes none): the discovery tags come off at night, remembered in the
 * record, and go back exactly in the morning.
 */
class AutoscalerPauseIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String ENABLED = Contract.AUTOSCALER_ENABLED_TAG;
  static final String OWNED = Contract.AUTOSCALER_CLUSTER_TAG_PREFIX + "dev-1";
  static final Map<String, String> ASG_TAGS =
      Map.of(ENABLED, "true", OWNED, "owned", "eks:cluster-name", "dev-1");

  static final String PAUSING =
      """
      {"scheduler": {"clusterAutoscaler": "pause",
        "schedules": {"office": {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 07:00-19:00"]}}}}
      """;

  private final MotoFleet fleet = new MotoFleet(aws).settling();

  private void seed(String config) {
    ClusterSeed dev1 = cluster("dev-1").tags(Map.of(Contract.SCHEDULE_TAG, "office"));
    for (Map.Entry<String, Sizes> g : ORIGINAL.entrySet()) {
      dev1 =
          dev1.nodegroup(
              MotoFleet.group(g.getKey(), g.getValue(), Map.of()).autoScalingGroup(ASG_TAGS));
    }
    fleet.seed(MotoFleet.fleet().config(config).cluster(dev1));
  }

  private AutoScalingClient autoscaling() {
    return aws.client(AutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()));
  }

  private String asg(String nodegroup) {
    return fleet.describe("dev-1", nodegroup).resources().autoScalingGroups().get(0).name();
  }

  /** key → value and propagate-at-launch, of the group's ASG. */
  private Map<String, String> asgTags(String nodegroup) {
    Map<String, String> out = new TreeMap<>();
    String name = asg(nodegroup);
    for (TagDescription t :
        autoscaling()
            .describeTags(r -> r.filters(f -> f.name("auto-scaling-group").values(name)))
            .tags()) {
      out.put(t.key(), t.value() + (Boolean.TRUE.equals(t.propagateAtLaunch()) ? " p" : ""));
    }
    return out;
  }

  @Test
  void theTagsComeOffAtNightAndGoBackExactlyInTheMorning() {
    seed(PAUSING);

    fleet.tick(at(0, "19:05"));

    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(new Sizes(0, 0, 1));
          assertThat(asgTags(name)).containsOnlyKeys("eks:cluster-name");
          assertThat(fleet.tags("dev-1", name).get(Contract.ORIGINAL_SCALING_TAG))
              .startsWith(s.encode() + "@")
              // Signed over the whole body, the remembered autoscaler tags included.
              .matches(".* max=1 cae=1:true cac=1:owned mac=v1\\.[A-Za-z0-9_-]{43}");
        });
    assertThat(fleet.sent.audits("Cluster Autoscaler Paused"))
        .hasSize(3)
        .allSatisfy(a -> assertThat(a.detail().get("removed").toString()).contains(OWNED));
    assertThat(fleet.recorder.calls())
        .contains("autoscaling:DescribeTags", "autoscaling:DeleteTags");

    fleet.tick(at(1, "07:05"));

    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(s);
          assertThat(asgTags(name))
              .containsEntry(ENABLED, "true p")
              .containsEntry(OWNED, "owned p")
              .containsEntry("eks:cluster-name", "dev-1 p");
        });
    assertThat(fleet.sent.audits("Cluster Autoscaler Resumed")).hasSize(3);
    assertThat(fleet.sent.audits("Nodegroup Scaled Up")).hasSize(3);

    // The restore leaves the group UPDATING; a record it could not drop yet is dropped by the
    // next tick, which finds the sizes the record holds.
    fleet.tick(at(1, "07:10"));
    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(s);
          assertThat(fleet.tags("dev-1", name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
  }

  @Test
  void atNightTagsPutBackComeOffAgainAndANodeStartedBeforeThePauseIsStopped() {
    seed(PAUSING);
    fleet.tick(at(0, "19:05"));
    aws.settle(); // the scale-down's UPDATING is over before the autoscaler acts
    // Cluster Autoscaler had not forgotten "web" yet and started one node; someone (or EKS) put
    // the enabled tag back on "batch".
    aws.eks()
        .updateNodegroupConfig(
            r ->
                r.clusterName("dev-1")
                    .nodegroupName("web")
                    .scalingConfig(c -> c.minSize(0).desiredSize(1).maxSize(1)));
    String batch = asg("batch");
    autoscaling()
        .createOrUpdateTags(
            r ->
                r.tags(
                    t ->
                        t.resourceId(batch)
                            .resourceType("auto-scaling-group")
                            .key(ENABLED)
                            .value("true")
                            .propagateAtLaunch(true)));

    fleet.tick(at(0, "23:00"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));
    assertThat(asgTags("batch")).containsOnlyKeys("eks:cluster-name");
    assertThat(fleet.sent.audits("Nodegroup Scaled Down"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("nodegroup", "web")
                    .extracting(d -> d.get("before").toString())
                    .isEqualTo("{minSize=0, desiredSize=1, maxSize=1}"));
    assertThat(fleet.sent.audits("Cluster Autoscaler Paused"))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).containsEntry("nodegroup", "batch"));

    fleet.tick(at(1, "07:05"));
    ORIGINAL.forEach((name, s) -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(s));
    assertThat(asgTags("batch")).containsEntry(ENABLED, "true p").containsEntry(OWNED, "owned p");
  }

  @Test
  void withoutTheOptInAutoScalingIsNeverCalled() {
    seed(MotoFleet.CONFIG);

    fleet.tick(at(0, "19:05"));
    assertThat(fleet.recorder.calls()).noneMatch(c -> c.startsWith("autoscaling:"));
    fleet.tick(at(1, "07:05"));
    assertThat(fleet.recorder.calls()).noneMatch(c -> c.startsWith("autoscaling:"));
    ORIGINAL.keySet().forEach(name -> assertThat(asgTags(name)).containsKeys(ENABLED, OWNED));
  }
}
