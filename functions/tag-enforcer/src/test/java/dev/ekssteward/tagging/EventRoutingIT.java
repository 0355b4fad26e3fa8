package dev.ekssteward.tagging;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.tagging.aws.FakeTaggingApi;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every sample event of this function, loaded as the Lambda runtime does ({@code EventLoader}) and
 * delivered as a {@link ScheduledEvent}, through the handler built from the test twin: the
 * in-memory EKS and ASGs, with config and audit in moto. What each leaves on the resources.
 */
class EventRoutingIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String CLUSTER_ARN = "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1";

  FakeTaggingApi eks;

  @BeforeEach
  void setUp() {
    TagFleet.standard(aws);
    eks = fleet();
  }

  /** dev-1 as its sample events describe it, each resource short of the policy. */
  static FakeTaggingApi fleet() {
    FakeTaggingApi eks = new FakeTaggingApi();
    eks.addCluster("dev-1", Map.of("env", "DEV", "team", "payments"));
    eks.addNodegroup("dev-1", "ng-a", Map.of("team", "payments", "env", "dev"));
    eks.addProfile("dev-1", "team-a", Map.of("team", "search", "env", "dev"));
    return eks;
  }

  static TagEnforcerHandler handler(FakeTaggingApi eks) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    return new TagEnforcerHandler(
        DaggerFakeTaggingComponent.factory()
            .create(TagEnforcer.NAME, aws.settings(false), clock, Waits.none(), List.of(), eks));
  }

  static ScheduledEvent load(String file) {
    return EventLoader.loadScheduledEvent(EventFiles.directory().resolve(file).toString());
  }

  Map<String, Object> deliver(String file) {
    return handler(eks).handle(load(file), new TestContext(TagEnforcer.NAME));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> report, String field) {
    return (List<Map<String, Object>>) report.get(field);
  }

  /** The same event read by our own reader (a Map) is routed and applied the same way. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "tagging-create-cluster.json",
        "tagging-create-nodegroup.json",
        "tagging-create-fargate-profile.json",
        "tagging-tag-resource.json",
        "tagging-untag-resource.json",
        "tagging-failed-call.json",
        "schedule-tick.json"
      })
  void theLibraryTypeAndOurReaderAgree(String file) {
    FakeTaggingApi viaMap = fleet();

    Map<String, Object> fromLibrary = deliver(file);
    Map<String, Object> fromMap =
        handler(viaMap).handle(EventFiles.load(file), new TestContext(TagEnforcer.NAME));

    assertThat(fromLibrary).isEqualTo(fromMap);
    assertThat(eks.mutations()).isEqualTo(viaMap.mutations());
    assertThat(eks.clusterTags("dev-1")).isEqualTo(viaMap.clusterTags("dev-1"));
    assertThat(eks.nodegroupTags("dev-1", "ng-a")).isEqualTo(viaMap.nodegroupTags("dev-1", "ng-a"));
    assertThat(eks.profileTags("dev-1", "team-a")).isEqualTo(viaMap.profileTags("dev-1", "team-a"));
  }

  @Test
  void everySampleOfThisFunctionIsCovered() throws Exception {
    assertThat(EventFiles.all().stream().map(Path::getFileName).map(Path::toString))
        .filteredOn(n -> n.startsWith("tagging-"))
        .containsExactlyInAnyOrder(
            "tagging-create-cluster.json",
            "tagging-create-nodegroup.json",
            "tagging-create-fargate-profile.json",
            "tagging-tag-resource.json",
            "tagging-untag-resource.json",
            "tagging-failed-call.json");
  }

  @Test
  void createClusterTagsOnlyTheClusterWithItsCreator() {
    Map<String, Object> report = deliver("tagging-create-cluster.json");

    assertThat(report).containsEntry("status", "ok");
    assertThat(list(report, "planned"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p)
                    .containsEntry("type", "TagResource")
                    .containsEntry("target", CLUSTER_ARN)
                    .containsEntry("scope", "123456789012/eu-west-1/dev-1")
                    .containsEntry(
                        "reasons",
                        Map.of(
                            "cost-center",
                            "default",
                            "created-by",
                            "creator",
                            "env",
                            "normalized")));
    assertThat(eks.clusterTags("dev-1"))
        .isEqualTo(
            Map.of("env", "dev", "team", "payments", "cost-center", "0000", "created-by", "alice"));
    assertThat(eks.calls()).containsExactly("eks:DescribeCluster", "eks:TagResource");
  }

  @Test
  void createNodegroupTagsTheNodegroupAndWaitsForItsAsg() {
    Map<String, Object> report = deliver("tagging-create-nodegroup.json");

    assertThat(eks.nodegroupTags("dev-1", "ng-a"))
        .containsEntry("created-by", "jane.doe@example.com")
        .containsEntry("cost-center", "0000");
    assertThat(eks.clusterTags("dev-1")).doesNotContainKey("cost-center");
    assertThat(list(report, "findings"))
        .extracting(f -> f.get("detailType"))
        .containsExactly("Tag Propagation Pending");
  }

  @Test
  void createFargateProfileRecordsTheCiSessionAsCreator() {
    deliver("tagging-create-fargate-profile.json");

    assertThat(eks.profileTags("dev-1", "team-a"))
        .isEqualTo(
            Map.of(
                "team",
                "search",
                "env",
                "dev",
                "cost-center",
                "0000",
                "created-by",
                "gitlab-ci-4711"));
    assertThat(eks.mutations()).containsExactly("eks:TagResource");
  }

  @Test
  void untagPutsTheDefaultBackAsRestored() {
    Map<String, Object> report = deliver("tagging-untag-resource.json");

    assertThat(list(report, "applied"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a)
                    .containsEntry("result", "applied")
                    .containsEntry(
                        "reasons", Map.of("cost-center", "restored", "env", "normalized")));
    assertThat(eks.clusterTags("dev-1")).containsEntry("cost-center", "0000");
  }

  @Test
  void aFailedCallIsIgnoredBeforeAnyEksCall() {
    Map<String, Object> report = deliver("tagging-failed-call.json");

    assertThat(report)
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the call failed (ResourceInUseException); nothing changed");
    assertThat(eks.calls()).isEmpty();
  }

  @Test
  void theTickSweepsAndSummarises() {
    Map<String, Object> report = deliver("schedule-tick.json");

    assertThat(list(report, "planned"))
        .extracting(p -> p.get("type"))
        .containsExactly("TagResource", "TagResource", "TagResource");
    assertThat(list(report, "findings"))
        .extracting(f -> f.get("detailType"))
        .containsExactly("Tag Propagation Pending", "Tag Compliance Summary");
  }
}
