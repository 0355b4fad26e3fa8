package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.local.runner.JarRuns.Function;
import dev.ekssteward.local.runner.LocalInvokeProcess.Run;
import dev.ekssteward.shared.testing.LocalAws;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Guards the two hand-optimised idioms of the build, while bench/variants.py's rows
 * (docs/performance.md) say they pay. Both avoid a bootstrap that spins method handles at its first
 * use in every cold start:
 *
 * <ul>
 *   <li>javac's default string concatenation bootstraps {@code StringConcatFactory}, so the root
 *       pom compiles with {@code -XDstringConcat=inline}; a class built without it (a module
 *       overriding the compiler arguments, a build that did not recompile after the flag changed)
 *       links {@code makeConcatWithConstants};
 *   <li>a record's generated equals and hashCode bootstrap {@code ObjectMethods}, so the records
 *       compared on the schedule tick's path spell them out ({@code // Written out:}); a new record
 *       used as a map key on that path links it again.
 * </ul>
 */
class ColdPathIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  /** The JVM's trace of every invokedynamic call site it links, with the caller and bootstrap. */
  private static final String TRACE = "-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true";

  @TempDir Path temp;

  @ParameterizedTest
  @EnumSource(Function.class)
  void theScheduleTickLinksNoGeneratedRecordMethod(Function function) throws Exception {
    new DemoMoto(aws).seed();
    JarRuns jars = new JarRuns(aws, temp);

    Run tick =
        jars.invoke(function, JarRuns.TICK, jars.envVars(Map.of("JAVA_TOOL_OPTIONS", TRACE)), null);

    assertThat(tick.exit()).as(tick.stderr()).isZero();
    assertThat(tick.json()).containsEntry("status", "ok");
    List<String> ours =
        tick.stderr().lines().filter(l -> l.startsWith("linkCallSite dev.ekssteward.")).toList();
    assertThat(ours).as("the trace names the call sites of our lambdas").isNotEmpty();
    assertThat(ours)
        .filteredOn(l -> l.contains("ObjectMethods"))
        .as("records' generated equals/hashCode/toString linked on the cold path")
        .isEmpty();
  }

  @Test
  void noClassOfOursConcatenatesStringsThroughInvokedynamic() throws Exception {
    List<Path> jars = new ArrayList<>();
    for (Function f : Function.values()) {
      jars.add(JarRuns.ROOT.resolve("functions/%s/target/%s.jar".formatted(f.module, f.module)));
    }
    jars.add(JarRuns.ROOT.resolve("local/runner/target/local-runner.jar"));
    int scanned = 0;
    List<String> concatenating = new ArrayList<>();
    for (Path jar : jars) {
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          String name = entry.getName();
          if (name.startsWith("dev/ekssteward/") && name.endsWith(".class")) {
            scanned++;
            byte[] bytes = zip.getInputStream(entry).readAllBytes();
            if (ClassStrings.names(bytes).contains("makeConcatWithConstants")) {
              concatenating.add(jar.getFileName() + "!" + name);
            }
          }
        }
      }
    }
    assertThat(scanned).as("classes of ours in the jars").isGreaterThan(100);
    assertThat(concatenating).isEmpty();
  }
}
