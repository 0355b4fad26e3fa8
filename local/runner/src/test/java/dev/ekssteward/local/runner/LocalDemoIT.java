package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.testing.EventFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * local/demo end to end, with EKS lifecycle states on: seeds, runs all four functions, summarises,
 * stops its moto, exits 0.
 */
class LocalDemoIT {
  private static final Path ROOT = EventFiles.directory().getParent();

  @TempDir Path temp;

  @Test
  void demoRunsEveryFunctionAndStopsTheLocalAws() throws Exception {
    Path out = temp.resolve("demo.out");
    ProcessBuilder builder =
        new ProcessBuilder(ROOT.resolve("local/demo").toString())
            .directory(ROOT.toFile())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("AWS_") || k.startsWith("STEWARD_MOTO_"));
    builder.environment().put("EKS_STEWARD_DEMO_SKIP_BUILD", "1");
    Process demo = builder.start();

    assertThat(demo.waitFor(3, TimeUnit.MINUTES)).as("demo finished").isTrue();
    String text = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(demo.exitValue()).as(text).isZero();
    assertThat(text)
        .contains("EKS lifecycle states: transitions take 2.0 s") // the demo's default
        .contains("seeded 2 clusters, 4 node groups, 2 OIDC providers")
        .contains("=== NodegroupSchedulerFunction ← events/schedule-tick.json")
        .contains("=== ThumbprintRotatorFunction ← events/schedule-tick.json")
        .contains("=== FargateProfileReconcilerFunction ← events/schedule-tick.json")
        .contains("=== TagEnforcerFunction ← events/schedule-tick.json")
        .contains("config: /eks-steward/config") // the seeded config was loaded and valid
        .contains("=== audit events on eks-steward-audit")
        .doesNotContain("FAILED");
    Matcher endpoint = Pattern.compile("local AWS \\(moto\\) on (http://\\S+)").matcher(text);
    assertThat(endpoint.find()).isTrue();
    URI moto = URI.create(endpoint.group(1) + "/moto-api/");
    assertThatThrownBy(() -> moto.toURL().openConnection().getInputStream().close())
        .as("the demo's moto is stopped")
        .isInstanceOf(IOException.class);
  }
}
