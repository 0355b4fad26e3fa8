package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.testing.FaultInjector.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code target/reliability/<scenario>.txt}: the number of combinations on the first line (what
 * docs/reliability.md cites), then how they were chosen, the call sequence and any failure.
 */
final class MatrixFile {
  private MatrixFile() {}

  static void write(
      CrashMatrix.Result result,
      List<String> calls,
      boolean mutationsOnly,
      int maxCalls,
      List<Kind> kinds,
      boolean rotating)
      throws IOException {
    Path dir = Path.of("target", "reliability");
    Files.createDirectories(dir);
    StringBuilder text = new StringBuilder();
    text.append(result.combinations()).append('\n');
    text.append("scenario=").append(result.scenario()).append('\n');
    text.append("calls=").append(result.calls()).append(mutationsOnly ? " (mutating)" : "");
    text.append('\n').append("faultAt=1..").append(Math.min(result.calls(), maxCalls));
    text.append('\n').append("kinds=").append(kinds);
    text.append(rotating ? " (one per N, rotating)" : "");
    text.append('\n').append("failures=").append(result.failures().size()).append('\n');
    text.append("sequence=").append(String.join(" ", calls)).append('\n');
    result.failures().forEach(f -> text.append("FAIL ").append(f).append('\n'));
    Files.writeString(dir.resolve(result.scenario() + ".txt"), text.toString());
  }
}
