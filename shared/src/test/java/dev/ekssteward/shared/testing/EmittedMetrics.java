package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every EMF line the functions print while tests run (installed by {@link LocalAws}, so every
 * integration test): tests read the documents of a run, and each metric seen is appended, once, to
 * {@code target/emitted-metrics/metrics.txt} as {@code namespace<TAB>dimension
 * names<TAB>function<TAB>name}, so the template's dashboard can be checked against what the suite
 * saw the functions emit.
 */
public final class EmittedMetrics {
  static final Path FILE = Path.of("target", "emitted-metrics", "metrics.txt");

  private static final List<Map<String, Object>> documents = new ArrayList<>();
  private static final Set<String> written = new HashSet<>();
  private static boolean installed;

  private EmittedMetrics() {}

  /** Tees {@code System.out} through the recorder (once per JVM). */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    PrintStream out = System.out;
    System.setOut(
        new PrintStream(out, true) {
          @Override
          public void println(String line) {
            super.println(line);
            if (line != null && line.contains("\"_aws\"")) {
              record(line);
            }
          }
        });
  }

  /** How many documents were seen so far: pass it to {@link #since}. */
  public static synchronized int mark() {
    return documents.size();
  }

  /** The EMF documents printed after {@code mark}. */
  public static synchronized List<Map<String, Object>> since(int mark) {
    return List.copyOf(documents.subList(mark, documents.size()));
  }

  /** The value of {@code name} in the documents with exactly these dimension values, or null. */
  @SuppressWarnings("unchecked")
  public static Double value(
      List<Map<String, Object>> docs, String name, Map<String, String> dimensions) {
    Double sum = null;
    for (Map<String, Object> doc : docs) {
      Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
      Map<String, Object> directive =
          ((List<Map<String, Object>>) aws.get("CloudWatchMetrics")).get(0);
      List<String> dims = ((List<List<String>>) directive.get("Dimensions")).get(0);
      boolean matches =
          Set.copyOf(dims).equals(dimensions.keySet())
              && dimensions.entrySet().stream()
                  .allMatch(e -> Objects.equals(doc.get(e.getKey()), e.getValue()));
      if (matches && doc.get(name) instanceof Number n) {
        sum = (sum == null ? 0 : sum) + n.doubleValue();
      }
    }
    return sum;
  }

  @SuppressWarnings("unchecked")
  private static synchronized void record(String line) {
    Map<String, Object> doc = Json.parseObject(line);
    documents.add(doc);
    Map<String, Object> aws = (Map<String, Object>) doc.get("_aws");
    List<String> rows = new ArrayList<>();
    for (Map<String, Object> directive : (List<Map<String, Object>>) aws.get("CloudWatchMetrics")) {
      for (List<String> dims : (List<List<String>>) directive.get("Dimensions")) {
        for (Map<String, Object> metric : (List<Map<String, Object>>) directive.get("Metrics")) {
          String row =
              String.join(
                  "\t",
                  String.valueOf(directive.get("Namespace")),
                  String.join(",", dims),
                  String.valueOf(doc.get("Function")),
                  String.valueOf(metric.get("Name")));
          if (written.add(row)) {
            rows.add(row + "\n");
          }
        }
      }
    }
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(
          FILE, String.join("", rows), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
