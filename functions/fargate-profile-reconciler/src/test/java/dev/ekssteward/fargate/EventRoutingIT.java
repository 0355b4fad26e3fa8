package dev.ekssteward.fargate;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each sample event, loaded as the Lambda runtime would, and where the handler sends it. */
class EventRoutingIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  @BeforeEach
  void setUp() {
    aws.seeder()
        .seed(
            fleet()
                .cluster(cluster("dev-1"))
                .cluster(cluster("dev-2"))
                .desiredFargate("dev-1", DesiredDocs.teamA(DesiredDocs.ROLE, "{}", "{}")));
  }

  FargateProfileReconcilerHandler handler() {
    return FargateFixture.handler(aws, true, Clock.systemUTC(), List.of(recorder));
  }

  Map<String, Object> dryRun(Map<String, Object> event) {
    return handler().handle(event, new TestContext("fn"));
  }

  @SuppressWarnings("unchecked")
  static List<String> scopes(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("planned"))
        .stream().map(p -> (String) p.get("scope")).distinct().sorted().toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fargate-parameter-change.json, parameter-change, 123456789012/eu-west-1/dev-1",
    "fargate-create-profile.json, cloudtrail:CreateFargateProfile, 123456789012/eu-west-1/dev-1",
    "fargate-delete-profile.json, cloudtrail:DeleteFargateProfile, 123456789012/eu-west-1/dev-1",
    "schedule-tick.json, schedule, 123456789012/eu-west-1/dev-1 123456789012/eu-west-1/dev-2",
  })
  @SuppressWarnings("unchecked")
  void routes(String file, String kind, String expectedScopes) {
    Map<String, Object> report = dryRun(EventFiles.load(file));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(((Map<String, Object>) report.get("trigger")).get("kind")).isEqualTo(kind);
    assertThat(scopes(report)).containsExactly(expectedScopes.split(" "));
    assertThat(recorder.mutations()).isEmpty();
  }

  /** The same files through the library's loader and the handler's ScheduledEvent entry. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "fargate-parameter-change.json, parameter-change, 123456789012/eu-west-1/dev-1",
    "fargate-create-profile.json, cloudtrail:CreateFargateProfile, 123456789012/eu-west-1/dev-1",
    "fargate-delete-profile.json, cloudtrail:DeleteFargateProfile, 123456789012/eu-west-1/dev-1",
    "schedule-tick.json, schedule, 123456789012/eu-west-1/dev-1 123456789012/eu-west-1/dev-2",
  })
  @SuppressWarnings("unchecked")
  void routesAsScheduledEvents(String file, String kind, String expectedScopes) {
    ScheduledEvent event =
        EventLoader.loadScheduledEvent(EventFiles.directory().resolve(file).toString());

    Map<String, Object> report = handler().handle(event, new TestContext("fn"));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(((Map<String, Object>) report.get("trigger")).get("kind")).isEqualTo(kind);
    assertThat(scopes(report)).containsExactly(expectedScopes.split(" "));
    assertThat(recorder.mutations()).isEmpty();
  }

  @Test
  void everyFargateEventFileIsCovered() throws Exception {
    assertThat(
            EventFiles.all().stream()
                .map(Path::getFileName)
                .map(Path::toString)
                .filter(n -> n.startsWith("fargate-")))
        .containsExactlyInAnyOrder(
            "fargate-parameter-change.json",
            "fargate-create-profile.json",
            "fargate-delete-profile.json");
  }

  Map<String, Object> ignored(Map<String, Object> event, String reason) {
    Map<String, Object> report = dryRun(event);

    assertThat(report.get("status")).isEqualTo("ignored");
    assertThat(report.get("reason")).isEqualTo(reason);
    // The config is read; nothing of EKS or the desired state is.
    assertThat(recorder.calls()).containsExactly("ssm:GetParameter");
    return report;
  }

  @Test
  void ourUserAgentAloneDoesNotMakeACallOurs() {
    // Anyone can send it: the call is reconciled like anyone's.
    Map<String, Object> report =
        dryRun(
            EventFiles.withDetail(
                "fargate-create-profile.json",
                "userAgent",
                "aws-sdk-java/2.57.8 eks-steward/fargate-profile-reconciler"));

    assertThat(report.get("status")).isNotEqualTo("ignored");
    assertThat(recorder.calls()).contains("ssm:GetParameter", "eks:DescribeCluster");
  }

  @Test
  void callsMadeWithOurOwnRoleAreIgnored() {
    Map<String, String> env = new HashMap<>(aws.environment(true));
    env.put("STEWARD_ROLE_ARN", "arn:aws:iam::123456789012:role/platform-admin");
    FargateProfileReconcilerHandler ours =
        new FargateProfileReconcilerHandler(
            DaggerFargateComponent.factory()
                .create(
                    FargateProfileReconciler.NAME,
                    Settings.from(env),
                    Clock.systemUTC(),
                    aws.waits(),
                    List.of(recorder)));

    Map<String, Object> report =
        ours.handle(EventFiles.load("fargate-create-profile.json"), new TestContext("fn"));

    assertThat(report.get("status")).isEqualTo("ignored");
    assertThat(report.get("reason"))
        .isEqualTo("the call was made by fargate-profile-reconciler itself");
    assertThat(recorder.calls()).containsExactly("ssm:GetParameter");
  }

  @Test
  void failedCallsAndOtherCallsAreIgnored() {
    ignored(
        EventFiles.withDetail("fargate-delete-profile.json", "errorCode", "ResourceInUseException"),
        "the call failed (ResourceInUseException); nothing changed");
    recorder.clear();
    ignored(
        EventFiles.withDetail("fargate-create-profile.json", "eventName", "CreateNodegroup"),
        "not a call fargate-profile-reconciler acts on: eks.amazonaws.com CreateNodegroup");
    recorder.clear();
    ignored(
        EventFiles.withDetail("fargate-create-profile.json", "requestParameters", Map.of()),
        "the event names no cluster");
  }

  @Test
  void aChangeOfAnotherParameterIsIgnored() {
    Map<String, Object> event = new HashMap<>(EventFiles.load("fargate-parameter-change.json"));
    event.put(
        "detail", Map.of("operation", "Update", "name", "/eks-steward/config", "type", "String"));

    ignored(event, "parameter /eks-steward/config is not under /eks-steward/fargate/");
    recorder.clear();
    event.put(
        "detail",
        Map.of("operation", "Update", "name", "/eks-steward/fargate/a/b", "type", "String"));
    ignored(event, "'a/b' is not a valid cluster name");
  }

  /** Intended since the shared routing: this was "ok" with nothing planned. */
  @Test
  void anEventForAClusterOutsideTheConfiguredScopeIsIgnored() {
    aws.seeder().seed(fleet().config("{\"targets\":{\"clusters\":{\"exclude\":[\"dev-1\"]}}}"));

    ignored(
        EventFiles.load("fargate-create-profile.json"),
        "cluster dev-1 is not selected by targets.clusters");
    recorder.clear();
    ignored(
        EventFiles.load("fargate-parameter-change.json"),
        "cluster dev-1 is not selected by targets.clusters");
  }
}
