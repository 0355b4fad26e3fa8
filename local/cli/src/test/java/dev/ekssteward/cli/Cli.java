package dev.ekssteward.cli;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.LocalAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs the CLI in this JVM, as local/steward runs it, and keeps what it printed. */
record Cli(int exit, String stdout, String stderr) {
  static Cli run(Map<String, String> env, Instant now, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Steward.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env,
            Clock.fixed(now, ZoneOffset.UTC));
    return new Cli(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Offline: no AWS variables at all. */
  static Cli offline(String... args) {
    return run(Map.of("AWS_REGION", LocalAws.REGION), Instant.now(), args);
  }

  /** Against the local AWS: its endpoint and region, as local/steward sees them in a shell. */
  static Cli against(LocalAws aws, Instant now, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL", aws.endpoint().toString());
    env.put("AWS_REGION", LocalAws.REGION);
    return run(env, now, args);
  }

  Map<String, Object> json() {
    return Json.parseObject(stdout);
  }
}
