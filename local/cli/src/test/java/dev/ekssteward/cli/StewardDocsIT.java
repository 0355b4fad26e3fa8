package dev.ekssteward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.docs.MarkdownDocs;
import dev.ekssteward.shared.docs.MarkdownDocs.Block;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.seed.FleetSeedJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The local/steward blocks of README.md, docs/cli.md and docs/local.md run as written (only {@code
 * <RecordKeyArn>}, a stack output, is replaced by the local key's ARN) against the demo fleet, with
 * the stack's requests bus of the default stack name. The other shell blocks of the docs are run or
 * listed by local/runner's DocCommandsIT.
 */
class StewardDocsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @TempDir Path temp;

  private String keyArn;

  @BeforeEach
  void demoFleet() {
    aws.seeder().seed(FleetSeedJson.read(StewardJarIT.ROOT.resolve("local/demo-fleet/fleet.json")));
    keyArn = RecordKeys.ensure(aws);
  }

  /** The stack's requests bus, as the default stack name names it. */
  private static void requestsBus() {
    aws.client(EventBridgeClient.builder().httpClient(UrlConnectionHttpClient.create()))
        .createEventBus(r -> r.name("eks-steward-requests"));
  }

  @Test
  void theCliPagesBlockRuns() throws Exception {
    requestsBus();
    Result r = run("docs/cli.md", "local/steward --help");

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .contains(Steward.HELP)
        .contains("local/demo-fleet/config.json: valid")
        .contains("staging-1")
        .contains("sent");
  }

  @Test
  void theReadmesBlockRuns() throws Exception {
    requestsBus();
    Result r = run("README.md", "local/steward status");

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("staging-1", "sent", "local/demo-fleet/config.json: valid");
  }

  @Test
  void theLocalPagesBlockRunsAndCreatesItsBus() throws Exception {
    Result r = run("docs/local.md", "local/steward status");

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("dev-1", "general", "sent");
  }

  record Result(int exit, String stdout, String stderr) {}

  private Result run(String file, String firstLine) throws Exception {
    List<Block> blocks =
        MarkdownDocs.blocks().stream()
            .filter(b -> MarkdownDocs.root().relativize(b.file()).toString().equals(file))
            .filter(b -> b.text().strip().startsWith(firstLine))
            .toList();
    assertThat(blocks).as(file + ": the block starting " + firstLine).hasSize(1);
    String script =
        "set -euo pipefail\n" + blocks.get(0).text().replace("<RecordKeyArn>", keyArn) + "\n";
    ProcessBuilder builder =
        new ProcessBuilder("bash", "-c", script).directory(StewardJarIT.ROOT.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    builder.environment().put("EKS_STEWARD_CLI_SKIP_BUILD", "1"); // the build just made the jar
    builder.environment().put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    builder.environment().put("AWS_REGION", LocalAws.REGION);
    builder.environment().put("AWS_DEFAULT_REGION", LocalAws.REGION); // AWS CLI v1
    builder.environment().put("AWS_ACCESS_KEY_ID", "testing");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "testing");
    Path out = Files.createTempFile(temp, "out", ".txt");
    Path err = Files.createTempFile(temp, "err", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(file + " block finished").isTrue();
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
