package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.local.runner.LocalInvokeProcess.Run;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** The functions' jars, shrunk or not, run through local/invoke against one moto (ShrunkJarIT). */
final class JarRuns {
  static final Path ROOT = LocalInvokeProcess.ROOT;
  static final String TICK = "schedule-tick.json";
  static final Map<String, String> KEYS =
      Map.of("AWS_ACCESS_KEY_ID", "testing", "AWS_SECRET_ACCESS_KEY", "testing");

  /** Each function: its template logical id, module, and the prefix of its own event files. */
  enum Function {
    SCHEDULER("NodegroupSchedulerFunction", "nodegroup-scheduler", "scheduler-"),
    THUMBPRINT("ThumbprintRotatorFunction", "oidc-thumbprint-rotator", "thumbprint-"),
    FARGATE("FargateProfileReconcilerFunction", "fargate-profile-reconciler", "fargate-"),
    TAGGING("TagEnforcerFunction", "tag-enforcer", "tagging-");

    final String logicalId;
    final String module;
    final String eventPrefix;

    Function(String logicalId, String module, String eventPrefix) {
      this.logicalId = logicalId;
      this.module = module;
      this.eventPrefix = eventPrefix;
    }

    /** The schedule tick plus the function's own sample events (its routing tests' files). */
    List<String> events() throws IOException {
      List<String> names = new ArrayList<>(List.of(TICK));
      for (Path p : EventFiles.all()) {
        String name = p.getFileName().toString();
        if (name.startsWith(eventPrefix)) {
          names.add(name);
        }
      }
      return names;
    }
  }

  private final LocalAws aws;
  private final Path temp;

  JarRuns(LocalAws aws, Path temp) {
    this.aws = aws;
    this.temp = temp;
  }

  /** template.yaml with every CodeUri pointing at the unshrunk shaded jar beside the shrunk one. */
  Path unshrunkTemplate() throws IOException {
    String text = Files.readString(ROOT.resolve("template.yaml"));
    for (Function f : Function.values()) {
      String deployed = "CodeUri: functions/%s/target/%s.jar".formatted(f.module, f.module);
      Path jar = ROOT.resolve("functions/%s/target/%s-unshrunk.jar".formatted(f.module, f.module));
      assertThat(text).contains(deployed);
      assertThat(jar).exists();
      assertThat(Files.size(jar))
          .as("the unshrunk jar is the bigger one")
          .isGreaterThan(
              Files.size(ROOT.resolve("functions/%s/target/%s.jar".formatted(f.module, f.module))));
      text = text.replace(deployed, "CodeUri: " + jar);
    }
    return Files.writeString(temp.resolve("template-unshrunk.yaml"), text);
  }

  /** An env-vars file: the demo's prefix and audit bus (dry-run is the template's default). */
  Path envVars(Map<String, String> extra) throws IOException {
    Map<String, String> vars = new LinkedHashMap<>();
    vars.put("CONFIG_PREFIX", DemoMoto.PREFIX);
    vars.put("AUDIT_BUS", "eks-steward-audit");
    vars.put("RECORD_KEY_ID", RecordKeys.ALIAS); // DemoMoto.seed creates it
    vars.putAll(extra);
    return Files.writeString(
        temp.resolve("env-" + System.nanoTime() + ".json"),
        Replies.json(Map.of("Parameters", vars)));
  }

  /** Runs the event through both jars; asserts both succeed with the same reply; returns it. */
  Map<String, Object> same(Function function, String event, Path env, Path unshrunk)
      throws Exception {
    Run[] both = both(function, event, env, unshrunk);
    Run shrunk = both[0];
    Run original = both[1];
    assertThat(shrunk.exit()).as(shrunk.stderr()).isZero();
    assertThat(original.exit()).as(original.stderr()).isZero();
    assertThat(Replies.comparable(shrunk.json())).isEqualTo(Replies.comparable(original.json()));
    return shrunk.json();
  }

  /**
   * The shrunk jar's run and the unshrunk one's, at the same time (two JVMs on two cores): only for
   * a dry-run {@code env}, where neither changes what the other reads.
   */
  Run[] both(Function function, String event, Path env, Path unshrunk) throws Exception {
    CompletableFuture<Run> original =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return invoke(function, event, env, unshrunk);
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
    Run shrunk = invoke(function, event, env, null);
    return new Run[] {shrunk, original.get()};
  }

  Run invoke(Function function, String event, Path env, Path template) throws Exception {
    String file = event.contains("/") ? event : EventFiles.directory().resolve(event).toString();
    List<String> args =
        new ArrayList<>(List.of(function.logicalId, file, "--env-vars", env.toString()));
    if (template != null) {
      args.addAll(List.of("--template", template.toString()));
    }
    return LocalInvokeProcess.run(aws, temp, KEYS, args);
  }
}
