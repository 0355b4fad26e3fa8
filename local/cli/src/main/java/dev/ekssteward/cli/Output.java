package dev.ekssteward.cli;

import dev.ekssteward.shared.json.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where results go: stdout, as JSON ({@code --output json}, one document, for scripts) or as text
 * ({@code --output table}, the default, for people). Progress and errors go to stderr, so stdout
 * stays parseable.
 */
final class Output {
  enum Format {
    TABLE,
    JSON
  }

  private final Format format;
  private final PrintStream out;
  private final PrintStream err;

  Output(Format format, PrintStream out, PrintStream err) {
    this.format = format;
    this.out = out;
    this.err = err;
  }

  static Format format(String option) {
    if (option == null || option.equals("table")) {
      return Format.TABLE;
    }
    if (option.equals("json")) {
      return Format.JSON;
    }
    throw new UsageException("--output must be json or table, was '" + option + "'");
  }

  boolean json() {
    return format == Format.JSON;
  }

  /** The JSON document (json) or nothing (table: the command prints its own lines). */
  void document(Object tree) {
    if (json()) {
      out.println(Json.write(tree));
    }
  }

  /** A line for people; only in table output. */
  void line(String text) {
    if (!json()) {
      out.println(text);
    }
  }

  /** Progress or a warning, on stderr in both formats. */
  void note(String text) {
    err.println(text);
  }

  /** Rows under a header, each column as wide as its widest cell. */
  void table(List<String> header, List<List<String>> rows) {
    if (json()) {
      return;
    }
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    int[] width = new int[header.size()];
    for (List<String> row : all) {
      for (int i = 0; i < row.size(); i++) {
        width[i] = Math.max(width[i], row.get(i).length());
      }
    }
    for (List<String> row : all) {
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        s.append(i == row.size() - 1 ? row.get(i) : pad(row.get(i), width[i] + 2));
      }
      out.println(s.toString().stripTrailing());
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
