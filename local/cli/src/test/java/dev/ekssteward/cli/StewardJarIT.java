package dev.ekssteward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * local/steward as an operator runs it: the script, the shaded jar the build just made (its main
 * class, its service files), in a JVM of its own with no AWS variables.
 */
class StewardJarIT {
  static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

  @RegisterExtension static final LocalAws aws = new LocalAws();

  @TempDir Path dir;

  record Run(int exit, String stdout, String stderr) {}

  static Run steward(Path temp, String... args) throws Exception {
    return steward(temp, java.util.Map.of(), args);
  }

  static Run steward(Path temp, java.util.Map<String, String> env, String... args)
      throws Exception {
    List<String> command =
        new java.util.ArrayList<>(List.of(ROOT.resolve("local/steward").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().put("EKS_STEWARD_CLI_SKIP_BUILD", "1");
    builder.environment().put("AWS_REGION", "eu-west-1");
    builder.environment().putAll(env);
    Path out = temp.resolve("out-" + System.nanoTime());
    Path err = temp.resolve("err-" + System.nanoTime());
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void theScriptRunsTheShadedJar() throws Exception {
    assertThat(ROOT.resolve("local/cli/target/steward.jar")).isRegularFile();
    Run help = steward(dir, "--help");
    assertThat(help.exit()).as(help.stderr()).isZero();
    assertThat(help.stdout()).isEqualTo(Steward.HELP);

    Run valid = steward(dir, "validate", "local/demo-fleet/config.json", "--output", "json");
    assertThat(valid.exit()).as(valid.stderr()).isZero();
    assertThat(valid.stdout()).contains("\"valid\":true");

    Path bad =
        Files.writeString(
            dir.resolve("bad.json"), "{\"scheduler\": {\"defaultSchedule\": \"nights\"}}");
    Run invalid = steward(dir, "validate", bad.toString());
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.stdout()).startsWith("invalid " + bad + ": $.scheduler.defaultSchedule: ");

    assertThat(steward(dir, "frobnicate").exit()).isEqualTo(2);
  }

  /**
   * The jar carries every SDK service the functions' code it runs calls: explain observes as the
   * scheduler does, Cluster Autoscaler's tags on the group's Auto Scaling group included.
   */
  @Test
  void theJarExplainsAGroupWhoseAutoscalerTheSchedulerWouldPause() throws Exception {
    StewardIT.seedAutoscalerPause(aws);
    Run explain =
        steward(
            dir,
            java.util.Map.of(
                "AWS_ENDPOINT_URL", aws.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", "testing",
                "AWS_SECRET_ACCESS_KEY", "testing"),
            "explain",
            "dev-2/api",
            "--at",
            StewardIT.EVENING.toString());
    assertThat(explain.exit()).as(explain.stderr()).isZero();
    assertThat(explain.stdout())
        .contains("the scheduler would: take Cluster Autoscaler's discovery tags off ");
    assertThat(explain.stderr()).isEmpty();
  }

  /**
   * A run that reaches the SDK prints only the CLI's own lines on stderr (no SLF4J warnings from
   * the shaded jar's logging), and a missing credential is one line saying what to set.
   */
  @Test
  void withoutCredentialsStderrIsOneLineSayingWhatToSet() throws Exception {
    Path none = dir.resolve("none");
    Run wake =
        steward(
            dir,
            java.util.Map.of(
                "AWS_PROFILE",
                "nope",
                "AWS_CONFIG_FILE",
                none.toString(),
                "AWS_SHARED_CREDENTIALS_FILE",
                none.toString(),
                "AWS_EC2_METADATA_DISABLED",
                "true"),
            "wake",
            "dev-1",
            "--bus",
            "b");
    assertThat(wake.exit()).as(wake.stderr()).isEqualTo(3);
    assertThat(wake.stdout()).isEmpty();
    assertThat(wake.stderr().lines().toList())
        .singleElement()
        .asString()
        .startsWith(
            "steward: AWS: no credentials: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and"
                + " AWS_SECRET_ACCESS_KEY (docs/cli.md); profile nope: ");
  }
}
