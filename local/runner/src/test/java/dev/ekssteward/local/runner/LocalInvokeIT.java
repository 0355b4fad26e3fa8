package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.local.runner.LocalInvokeProcess.Run;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code local/invoke} as a user runs it: a process against the local AWS, reading template.yaml,
 * running the built function jar in a fresh JVM. The reply alone is on stdout, logs on stderr.
 */
class LocalInvokeIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final String TICK =
      EventFiles.directory().resolve("schedule-tick.json").toString();

  @TempDir Path temp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "NodegroupSchedulerFunction",
        "ThumbprintRotatorFunction",
        "FargateProfileReconcilerFunction",
        "TagEnforcerFunction"
      })
  void scheduleTickRepliesWithAReportOnStdoutAndLogsOnStderr(String function) throws Exception {
    Run run = invoke(function, TICK);

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.stdout().strip().lines()).hasSize(1);
    assertThat(run.json())
        .containsEntry("dryRun", true) // the template's DryRun default
        .containsKeys("planned", "applied", "status");
    assertThat(run.stderr()).contains("\"message\":\"report\"").contains("Invoking ");
    // The SDK's SLF4J finds its no-op provider in the shrunk jar: no warning on every cold start.
    assertThat(run.stderr()).doesNotContain("SLF4J");
  }

  @Test
  void envVarsFileOverridesTheTemplateFunctionEntryWinningOverParameters() throws Exception {
    Path env =
        write(
            "env.json",
            """
        {"Parameters": {"DRY_RUN": "true", "NOT_DECLARED": "x"},
         "TagEnforcerFunction": {"DRY_RUN": "false"}}""");

    Run tagging = invoke("TagEnforcerFunction", TICK, "--env-vars", env.toString());
    Run scheduler = invoke("NodegroupSchedulerFunction", TICK, "--env-vars", env.toString());

    assertThat(tagging.json()).containsEntry("dryRun", false);
    assertThat(scheduler.json()).containsEntry("dryRun", true);
    assertThat(tagging.stderr()).contains("NOT_DECLARED ignored (not declared in the template)");
  }

  @Test
  void envVarsFileCanPointTheFunctionAtTheLocalAwsAsWithSamLocalInvoke() throws Exception {
    aws.seeder().seed(FleetSeed.fleet().config("{\"scheduler\": []}"));
    Path env =
        write(
            "env.json",
            """
        {"Parameters": {"AWS_ENDPOINT_URL": "%s"}}"""
                .formatted(aws.endpoint()));

    Run run =
        invoke(
            Map.of("AWS_ENDPOINT_URL", ""),
            "NodegroupSchedulerFunction",
            TICK,
            "--env-vars",
            env.toString());

    // The config came from this moto: its validation error names the bad path.
    assertThat(run.json())
        .containsEntry("status", "invalid-config")
        .containsEntry("reason", "invalid /eks-steward/config: $.scheduler: must be an object");
    assertThat(run.stderr()).doesNotContain("ignored (not declared");
  }

  @Test
  void aFunctionAnswersAnEventThatIsNotAnObjectWithAnIgnoredReport() throws Exception {
    Path event = write("broken.json", "[\"not\", \"an\", \"event\"]");

    Run run = invoke("TagEnforcerFunction", event.toString());

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.json())
        .containsEntry("status", "ignored")
        .containsEntry("reason", "the event is not a JSON object");
  }

  @Test
  void aFunctionAnswersBytesThatAreNotJsonWithAnIgnoredReport() throws Exception {
    Path event = write("broken.json", "{\"detail-type\": ");

    Run run = invoke("NodegroupSchedulerFunction", event.toString());

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.json()).containsEntry("status", "ignored");
    assertThat((String) run.json().get("reason")).startsWith("the event is not valid JSON: ");
  }

  @Test
  void handlerInitErrorIsReportedWithItsType() throws Exception {
    Path env = write("env.json", "{\"Parameters\": {\"CONFIG_PREFIX\": \"no-leading-slash\"}}");

    Run run = invoke("FargateProfileReconcilerFunction", TICK, "--env-vars", env.toString());

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.json())
        .containsEntry("errorType", "dev.ekssteward.shared.config.ConfigException");
    assertThat((String) run.json().get("errorMessage")).contains("CONFIG_PREFIX");
  }

  @Test
  void environmentResolvesLikeSam() throws Exception {
    Path template =
        write(
            "template.yaml",
            """
        Transform: AWS::Serverless-2016-10-31
        Parameters:
          Stage: {Type: String, Default: dev}
        Conditions:
          IsProd: !Equals [!Ref Stage, prod]
        Globals:
          Function:
            Timeout: 7
            MemorySize: 256
            Environment:
              Variables:
                STAGE: !Ref Stage
                FROM_GLOBALS: global
                OVERRIDDEN: global
        Resources:
          Queue:
            Type: AWS::SQS::Queue
          Topic:
            Type: AWS::SNS::Topic
          EchoFunction:
            Type: AWS::Serverless::Function
            Properties:
              CodeUri: %s
              Handler: dev.ekssteward.local.runner.EnvEcho::handleRequest
              Runtime: java21
              Environment:
                Variables:
                  OVERRIDDEN: function
                  SUBBED: !Sub "${AWS::Region}:${AWS::AccountId}:${Stage}:${Queue.Arn}:${!Literal}"
                  QUEUE_URL: !Ref Queue
                  TOPIC: !Ref Topic
                  QUEUE_ARN: !GetAtt Queue.Arn
                  JOINED: !Join ["-", [a, !Ref Stage]]
                  CONDITIONAL: !If [IsProd, x, y]
                  ABSENT: !If [IsProd, !Ref AWS::NoValue, y]
                  UNRESOLVABLE: !Select [0, [a]]
                  NUMBER: 5
                  FLAG: true
                  FROM_SHELL: template
                  FROM_FILE: template
        """
                .formatted(Path.of("target/test-classes").toAbsolutePath()));
    Path env = write("env.json", "{\"EchoFunction\": {\"FROM_FILE\": \"file\"}}");

    Run run =
        invoke(
            Map.of("FROM_SHELL", "shell", "UNDECLARED", "must not leak"),
            "EchoFunction",
            TICK,
            "--template",
            template.toString(),
            "--env-vars",
            env.toString(),
            "--parameter-overrides",
            "Stage=prod");

    assertThat(run.exit()).as(run.stderr()).isZero();
    assertThat(run.json())
        .containsEntry("STAGE", "prod")
        .containsEntry("FROM_GLOBALS", "global")
        .containsEntry("OVERRIDDEN", "function")
        .containsEntry("SUBBED", "eu-west-1:123456789012:prod:Queue.Arn:${Literal}")
        .containsEntry("TOPIC", "Topic")
        .containsEntry("QUEUE_ARN", "Queue.Arn")
        .containsEntry("JOINED", "a-prod")
        .containsEntry("CONDITIONAL", "x")
        .containsEntry("UNRESOLVABLE", "")
        .containsEntry("NUMBER", "5")
        .containsEntry("FLAG", "true")
        .containsEntry("FROM_SHELL", "shell")
        .containsEntry("FROM_FILE", "file")
        .containsEntry("AWS_LAMBDA_FUNCTION_NAME", "EchoFunction")
        .containsEntry("AWS_LAMBDA_FUNCTION_TIMEOUT", "7")
        .containsEntry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "256")
        .containsEntry("AWS_ENDPOINT_URL", aws.endpoint().toString())
        .containsEntry("AWS_REGION", LocalAws.REGION)
        .doesNotContainKey("UNDECLARED")
        .doesNotContainKey("ABSENT")
        // Unlike SAM: a deployed queue (fan-out) has no local counterpart, so it stays unset.
        .doesNotContainKey("QUEUE_URL");
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(temp.resolve(name), content);
  }

  private Run invoke(String... args) throws Exception {
    return invoke(Map.of(), args);
  }

  private Run invoke(Map<String, String> shell, String... args) throws Exception {
    return LocalInvokeProcess.run(aws, temp, shell, List.of(args));
  }
}
