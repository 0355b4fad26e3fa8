package dev.ekssteward.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.MotoClusters;
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
    MotoClusters.create(aws, "dev-1");
    MotoClusters.create(aws, "dev-2");
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(DesiredDocs.ROLE, "{}", "{}"));
  }

  Map<String, Object> dryRun(Map<String, Object> event) {
    return FargateFixture.handler(aws, true, Clock.systemUTC(), List.of(recorder))
        .handle(event, new TestContext("fn"));
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

  @Test
  void ourOwnCloudTrailEventsAreIgnored() {
    Map<String, Object> event =
        EventFiles.withDetail(
            "fargate-create-profile.json",
            "userAgent",
            "aws-sdk-java/2.57.8 eks-steward/fargate-profile-reconciler");

    Map<String, Object> report = dryRun(event);

    assertThat(report.get("status")).isEqualTo("ignored");
    assertThat(report.get("reason")).isEqualTo("the call was made by this function");
    assertThat(recorder.calls()).containsExactly("ssm:GetParameter");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aChangeOfAnotherParameterIsIgnored() {
    Map<String, Object> event = new HashMap<>(EventFiles.load("fargate-parameter-change.json"));
    event.put(
        "detail", Map.of("operation", "Update", "name", "/eks-steward/config", "type", "String"));

    Map<String, Object> report = dryRun(event);

    assertThat(report.get("status")).isEqualTo("ignored");
    assertThat(recorder.calls()).doesNotContain("eks:ListFargateProfiles", "eks:ListClusters");
  }
}
