package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code local/invoke} started as a user starts it: its own process in the repository root, with
 * the shell's AWS variables replaced by the test's moto endpoint and region.
 */
final class LocalInvokeProcess {
  static final Path ROOT = EventFiles.directory().getParent();

  private LocalInvokeProcess() {}

  /** stdout (the reply alone), stderr (logs) and the exit status of one run. */
  record Run(int exit, String stdout, String stderr) {
    @SuppressWarnings("unchecked")
    Map<String, Object> json() {
      return JacksonFactory.getInstance().getSerializer(Map.class).fromJson(stdout);
    }
  }

  /**
   * Runs {@code local/invoke args} against {@code aws}; {@code shell} adds variables to its
   * environment, and an empty value unsets one.
   */
  static Run run(LocalAws aws, Path temp, Map<String, String> shell, List<String> args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of(ROOT.resolve("local/invoke").toString()));
    command.addAll(args);
    return command(aws, temp, shell, command);
  }

  /** Any command of the repository run the same way. */
  static Run command(LocalAws aws, Path temp, Map<String, String> shell, List<String> command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("DRY_RUN"));
    env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    env.put("AWS_REGION", LocalAws.REGION);
    shell.forEach((k, v) -> env.compute(k, (key, old) -> v.isEmpty() ? null : v));
    Path out = Files.createTempFile(temp, "stdout-", ".txt");
    Path err = Files.createTempFile(temp, "stderr-", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).as(command + " finished").isTrue();
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
