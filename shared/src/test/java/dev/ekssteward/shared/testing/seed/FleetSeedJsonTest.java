package dev.ekssteward.shared.testing.seed;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static dev.ekssteward.shared.testing.seed.NodegroupSeed.nodegroup;
import static dev.ekssteward.shared.testing.seed.ProfileSeed.profile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.testing.EventFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON form of a fleet description reads into the same records the fluent form builds. */
class FleetSeedJsonTest {
  static final Path DEMO = EventFiles.directory().getParent().resolve("local/demo-fleet");

  @TempDir Path dir;

  @Test
  void jsonAndFluentDescribeTheSameFleet() throws Exception {
    Files.writeString(dir.resolve("dev-1.json"), "{\"prune\": false, \"profiles\": []}");
    String json =
        """
        {"region": "us-east-2", "config": {"scheduler": {}}, "auditBus": "bus",
         "auditQueue": "tap", "subnets": ["subnet-1"],
         "desiredFargate": {"dev-1": "dev-1.json"}, "parameters": {"/fleet/a/size": "3"},
         "clusters": [{"name": "dev-1", "version": "1.31", "tags": {"team": "search"},
           "nodegroups": [{"name": "web", "scaling": {"minSize": 1, "maxSize": 4,
             "desiredSize": 2}, "tags": {"env": "dev"}, "autoScalingGroup": {"tags": {"a": "b"}}}],
           "fargateProfiles": [{"name": "jobs", "selectors": [{"namespace": "jobs",
             "labels": {"tier": "batch"}}], "subnets": [], "podExecutionRoleArn": "arn:pods"}],
           "oidcProvider": {"thumbprints": ["%s"]}}],
         "extraOidcProviders": [{"url": "https://ci.example", "clientIds": ["ci"],
           "thumbprints": []}],
         "autoScalingGroups": [{"name": "eks-spare", "tags": {"eks:cluster-name": "dev-1"}}]}
        """
            .formatted("a".repeat(40));

    FleetSeed read = FleetSeedJson.parse(json, dir);

    FleetSeed built =
        fleet()
            .region("us-east-2")
            .config("{\"scheduler\":{}}")
            .auditBus("bus", "tap")
            .subnets("subnet-1")
            .desiredFargate("dev-1", "{\"prune\":false,\"profiles\":[]}")
            .parameter("/fleet/a/size", "3")
            .cluster(
                cluster("dev-1")
                    .version("1.31")
                    .tags(Map.of("team", "search"))
                    .nodegroup(
                        nodegroup("web")
                            .scaling(1, 2, 4)
                            .tags(Map.of("env", "dev"))
                            .autoScalingGroup(Map.of("a", "b")))
                    .fargateProfile(
                        profile("jobs")
                            .selector("jobs", Map.of("tier", "batch"))
                            .subnets(List.of())
                            .podExecutionRole("arn:pods"))
                    .oidcProvider("a".repeat(40)))
            .provider(ProviderSeed.issuer("https://ci.example").clientIds("ci"))
            .autoScalingGroup(AsgSeed.named("eks-spare", Map.of("eks:cluster-name", "dev-1")));
    assertThat(read).isEqualTo(built);
  }

  @Test
  void theDemoFleetReadsWithItsDocumentsFromBesideIt() throws Exception {
    FleetSeed demo = FleetSeedJson.read(DEMO.resolve("fleet.json"));

    assertThat(demo.clusters()).extracting(ClusterSeed::name).containsExactly("dev-1", "staging-1");
    assertThat(demo.parameters().byName())
        .containsOnlyKeys(
            "/eks-steward/config", "/eks-steward/fargate/dev-1", "/eks-steward/fargate/staging-1");
    assertThat(demo.parameters().config())
        .contains("\"office-hours\"")
        .isEqualTo(
            dev.ekssteward.shared.json.Json.write(
                dev.ekssteward.shared.json.Json.parse(
                    Files.readString(DEMO.resolve("config.json")))));
    assertThat(demo.providers())
        .extracting(ProviderSeed::url)
        .containsExactly("https://token.actions.githubusercontent.com");
  }

  @Test
  void anUnknownOrMistypedFieldIsRefusedByItsPath() {
    assertThatThrownBy(
            () -> FleetSeedJson.parse("{\"clusters\": [{\"name\": \"a\", \"tag\": {}}]}", dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("$.clusters[0].tag: is not a field of the fleet description");
    assertThatThrownBy(
            () ->
                FleetSeedJson.parse(
                    "{\"clusters\": [{\"name\": \"a\", \"nodegroups\": [{\"name\": \"g\","
                        + " \"scaling\": {\"minSize\": \"1\"}}]}]}",
                    dir))
        .hasMessage("$.clusters[0].nodegroups[0].scaling.minSize: must be a whole number");
    assertThatThrownBy(() -> FleetSeedJson.parse("{\"config\": 3}", dir))
        .hasMessage("$.config: must be a JSON document or the name of a file holding one");
  }
}
