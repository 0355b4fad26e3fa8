package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.docs.MarkdownDocs;
import dev.ekssteward.shared.docs.MarkdownDocs.Block;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.LocalAws;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shell blocks of README.md and docs/*.md run as written, against a local AWS. The only changes
 * made to a block are these: its port 5000 becomes a free one, a placeholder such as {@code
 * <RequestBusName>} becomes this test's value, and {@code /tmp/} becomes a temporary folder. A
 * block that cannot run here (it needs an AWS account, SAM and Docker, or it is the build itself)
 * is listed in {@link #NOT_RUN} with the reason and, where one exists, the test that runs it; a new
 * block must be one or the other ({@link #everyShellBlockIsRunHereOrSaysWhyNot}).
 */
class DocCommandsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();
  private static final DemoMoto moto = new DemoMoto(aws);

  private static final String CLI =
      "run by local/cli's StewardDocsIT, once the build has made the CLI's jar";

  /** Blocks not run here, by file and the start of their first line: why not. */
  static final Map<String, String> NOT_RUN =
      Map.ofEntries(
          Map.entry(
              "README.md: local/demo",
              "LocalDemoIT runs local/demo; .ci/run is mvn -B -T 2 verify"),
          Map.entry("README.md: mvn -B package", "deploys to an AWS account (sam deploy --guided)"),
          Map.entry(
              "README.md: MOTO_HOST=0.0.0.0 local/moto-server",
              "needs SAM and Docker (sam local invoke); the same events run through local/invoke"
                  + " in LocalInvokeIT, and DocCommandsTest checks the env-vars file"),
          Map.entry("docs/deploy.md: mvn -B package", "the build itself: .ci/run builds it"),
          Map.entry("docs/deploy.md: sam deploy", "deploys to an AWS account"),
          Map.entry("docs/deploy.md: aws logs tail", "reads a deployed function's logs"),
          Map.entry("docs/deploy.md: aws lambda invoke", "invokes a deployed function"),
          Map.entry(
              "docs/deploy.md: aws cloudformation deploy",
              "deploys the member role into another AWS account"),
          Map.entry(
              "docs/deploy.md: aws lambda get-account-settings", "reads an AWS account's quota"),
          Map.entry("docs/local.md: local/demo", "LocalDemoIT runs it"),
          Map.entry(
              "docs/local.md: local/moto-server 5000",
              "starts the server in the foreground; README.md's block starts it in the background"
                  + " and is run here"),
          Map.entry("docs/local.md: MOTO_HOST=0.0.0.0 local/moto-server", "needs SAM and Docker"),
          Map.entry("README.md: local/steward status", CLI),
          Map.entry("docs/cli.md: local/steward --help", CLI),
          Map.entry("docs/local.md: local/steward status", CLI));

  @TempDir Path temp;

  @Test
  void everyShellBlockIsRunHereOrSaysWhyNot() {
    Set<String> shown = new TreeSet<>();
    for (Block b : shellBlocks()) {
      shown.add(key(b));
    }

    assertThat(shown).as("shell blocks of README.md and docs/*.md").isEqualTo(known());
  }

  /** Every block key this test knows: those it runs and those it says why it does not. */
  private static Set<String> known() {
    Set<String> known = new TreeSet<>(NOT_RUN.keySet());
    known.addAll(RUN);
    return known;
  }

  /** The blocks run by the tests below (each test names its block by the same key). */
  static final Set<String> RUN =
      Set.of(
          "README.md: local/moto-server 5000 &",
          "docs/local.md: EKS_STEWARD_CLOCK=",
          "docs/local.md: export AWS_ENDPOINT_URL=",
          "docs/local.md: AWS_ENDPOINT_URL=",
          "docs/deploy.md: echo '{\"source\": \"eks-steward.requests\"",
          "docs/deploy.md: aws ssm get-parameters-by-path",
          "docs/nodegroup-scheduler.md: local/request events/scheduler-wake.json");

  @Test
  void theReadmesTryItLocallyBlockStartsMotoAndAnswersEachInvokeWithAReport() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }

    Result r = run("README.md: local/moto-server 5000 &", Map.of("5000", "" + port), false);

    assertThat(r.exit()).as(r.stderr()).isZero();
    List<Map<String, Object>> replies = r.replies();
    assertThat(replies)
        .extracting(m -> m.get("status"))
        .as(r.stdout())
        .containsExactly("ok", "refused", "ok");
    assertThat((String) replies.get(1).get("reason")).startsWith("detail.proof: is required");
    Map<String, Object> metrics = cast(replies.get(2).get("metrics"));
    assertThat(metrics).containsOnlyKeys("RequestsProven");
    assertThat(((Number) metrics.get("RequestsProven")).intValue()).isEqualTo(1);
  }

  @Test
  void theLocalClockExampleScalesTheDemoFleetDownAtItsEvening() throws Exception {
    moto.seed();

    Result r = run("docs/local.md: EKS_STEWARD_CLOCK=", Map.of(), true);

    assertThat(r.exit()).as(r.stderr()).isZero();
    Map<String, Object> reply = r.replies().get(0);
    assertThat(reply).containsEntry("status", "ok");
    assertThat(types(reply.get("applied"))).contains("ScaleDown");
    assertThat(moto.nodegroup("dev-1", "general").scalingConfig().desiredSize()).isZero();
  }

  @Test
  void theAwsCliBlockReadsTheDemoFleet() throws Exception {
    moto.seed();

    Result r = run("docs/local.md: export AWS_ENDPOINT_URL=", Map.of(), true);

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("\"dev-1\"", "\"staging-1\"", "/eks-steward/config");
  }

  @Test
  void theLocalInvokeExampleRepliesWithAReport() throws Exception {
    Result r = run("docs/local.md: AWS_ENDPOINT_URL=", Map.of(), true);

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(r.replies())
        .singleElement()
        .satisfies(m -> assertThat(m).containsEntry("function", "nodegroup-scheduler"));
  }

  @Test
  void theWakeAndReleaseBlocksPutAProvenRequestOnTheRequestsBus() throws Exception {
    Map<String, String> values =
        Map.of("<RequestBusName>", "eks-steward-requests", "<stack region>", LocalAws.REGION);
    Result bus =
        command(List.of("aws", "events", "create-event-bus", "--name", "eks-steward-requests"));
    assertThat(bus.exit()).as(bus.stderr()).isZero();

    for (String block :
        List.of(
            "docs/nodegroup-scheduler.md: local/request events/scheduler-wake.json",
            "docs/deploy.md: echo '{\"source\": \"eks-steward.requests\"")) {
      Result r = run(block, values, true);

      assertThat(r.exit()).as(block + ": " + r.stderr()).isZero();
      Map<String, Object> put = Json.parseObject(r.stdout());
      assertThat(put).as(block).containsEntry("FailedEntryCount", java.math.BigDecimal.ZERO);
    }
    // What the release block put carries a proof of its caller, as the stack requires.
    Map<String, Object> proven =
        Json.parseObject(Files.readString(temp.resolve("release-proven.json")));
    assertThat((Map<String, Object>) cast(proven.get("detail"))).containsKey("proof");
  }

  @Test
  void theUninstallChecksRecordIndexBlockRuns() throws Exception {
    moto.seed();

    Result r = run("docs/deploy.md: aws ssm get-parameters-by-path", Map.of(), true);

    assertThat(r.exit()).as(r.stderr()).isZero();
    assertThat(Json.parse(r.stdout())).isEqualTo(List.of());
  }

  // ---- running a block ----------------------------------------------------------------------

  record Result(int exit, String stdout, String stderr) {
    /** Every line of stdout that is a JSON object: the reports local/invoke printed. */
    List<Map<String, Object>> replies() {
      List<Map<String, Object>> out = new ArrayList<>();
      for (String line : stdout.split("\n")) {
        if (line.startsWith("{")) {
          out.add(Json.parseObject(line));
        }
      }
      return out;
    }
  }

  private static List<Block> shellBlocks() {
    return MarkdownDocs.blocks().stream()
        .filter(b -> b.language().equals("bash") || b.language().equals("sh"))
        .toList();
  }

  private static String key(Block b) {
    String file = MarkdownDocs.root().relativize(b.file()).toString();
    String first = b.text().strip().split("\n")[0];
    for (String k : known()) {
      if (k.startsWith(file + ": ") && first.startsWith(k.substring(file.length() + 2))) {
        return k;
      }
    }
    return file + ": " + first;
  }

  private static Block block(String key) {
    List<Block> found = shellBlocks().stream().filter(b -> key(b).equals(key)).toList();
    assertThat(found).as("the block " + key).hasSize(1);
    return found.get(0);
  }

  /**
   * Runs the block in bash from the repository root (errors stop it); {@code localAws}: the shell
   * already points at this test's moto, as the docs assume at that point.
   */
  private Result run(String key, Map<String, String> values, boolean localAws) throws Exception {
    String text = block(key).text().stripIndent();
    Map<String, String> all = new LinkedHashMap<>(values);
    all.put("http://127.0.0.1:5000", aws.endpoint().toString());
    all.put("/tmp/", temp + "/");
    for (Map.Entry<String, String> v : all.entrySet()) {
      text = text.replace(v.getKey(), v.getValue());
    }
    String script =
        "set -euo pipefail\ntrap 'kill $(jobs -p) 2>/dev/null || true' EXIT\n" + text + "\n";
    return localAws
        ? command(List.of("bash", "-c", script))
        : command(List.of("bash", "-c", script), false);
  }

  private Result command(List<String> command) throws Exception {
    return command(command, true);
  }

  private Result command(List<String> command, boolean localAws) throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(LocalInvokeProcess.ROOT.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("DRY_RUN"));
    if (localAws) {
      env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
      env.put("AWS_REGION", LocalAws.REGION);
      env.put("AWS_DEFAULT_REGION", LocalAws.REGION); // AWS CLI v1
      env.put("AWS_ACCESS_KEY_ID", "testing");
      env.put("AWS_SECRET_ACCESS_KEY", "testing");
    }
    Path out = Files.createTempFile(temp, "stdout", ".txt");
    Path err = Files.createTempFile(temp, "stderr", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(command + " finished").isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        stderr.length() > 4000 ? stderr.substring(stderr.length() - 4000) : stderr);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }

  private static List<Object> types(Object entries) {
    List<Object> out = new ArrayList<>();
    for (Object e : (List<?>) entries) {
      out.add(((Map<?, ?>) e).get("type"));
    }
    return out;
  }
}
