package dev.ekssteward.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.local.runner.JarRuns.Function;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Guards the one hand-optimised idiom in the build, while bench/variants.py's indy-concat row
 * (docs/performance.md) says it pays: javac's default string concatenation bootstraps {@code
 * StringConcatFactory} at its first use in every cold start, so the root pom compiles with {@code
 * -XDstringConcat=inline}. A class built without it (a module overriding the compiler arguments, or
 * a build that did not recompile after the flag changed) links {@code makeConcatWithConstants}.
 */
class ColdPathIT {
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
