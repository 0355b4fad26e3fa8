package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.EventFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same commit builds byte-identical jars: local/check-reproducible builds a fresh copy of the
 * sources and compares its deployable jars with the ones this build made (the reactor built every
 * function before this module), so `sam deploy` publishes no new version when nothing changed.
 */
class ReproducibleBuildIT {
  private static final Path ROOT = EventFiles.directory().getParent();
  private static final List<String> FUNCTIONS =
      List.of(
          "nodegroup-scheduler",
          "oidc-thumbprint-rotator",
          "fargate-profile-reconciler",
          "tag-enforcer");

  @TempDir Path temp;

  @Test
  void aFreshBuildOfTheSameFilesGivesByteIdenticalJars() throws Exception {
    Path out = temp.resolve("check.out");
    Process check =
        new ProcessBuilder(ROOT.resolve("local/check-reproducible").toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();

    assertThat(check.waitFor(8, TimeUnit.MINUTES)).as("the check finished").isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(check.exitValue()).as(text).isZero();
    for (String function : FUNCTIONS) {
      assertThat(text)
          .containsPattern(
              "reproducible: functions/"
                  + function
                  + "/target/"
                  + function
                  + "\\.jar \\([0-9a-f]{16}\\)");
    }
    assertThat(text).doesNotContain("NOT reproducible");
  }
}
