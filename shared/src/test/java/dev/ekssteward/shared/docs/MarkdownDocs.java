package dev.ekssteward.shared.docs;

import dev.ekssteward.shared.testing.Schemas;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** README.md and docs/*.md, and their fenced code blocks, for the doc-drift tests. */
public final class MarkdownDocs {
  /** One fenced block: its file, the line of its opening fence, its language and text. */
  public record Block(Path file, int line, String language, String text, List<String> before) {
    public String where() {
      return root().relativize(file) + ":" + line;
    }
  }

  private MarkdownDocs() {}

  public static Path root() {
    return Schemas.dir().getParent().getParent();
  }

  public static List<Path> files() {
    List<Path> out = new ArrayList<>();
    out.add(root().resolve("README.md"));
    try (Stream<Path> docs = Files.list(root().resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Every fenced block of every file; {@code before} holds the 4 lines above the fence. */
  public static List<Block> blocks() {
    List<Block> out = new ArrayList<>();
    for (Path file : files()) {
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        String open = lines.get(i).strip();
        if (!open.startsWith("```")) {
          continue;
        }
        int end = i + 1;
        while (end < lines.size() && !lines.get(end).strip().startsWith("```")) {
          end++;
        }
        List<String> before = lines.subList(Math.max(0, i - 4), i);
        out.add(
            new Block(
                file,
                i + 1,
                open.substring(3).strip(),
                String.join("\n", lines.subList(i + 1, Math.min(end, lines.size()))),
                List.copyOf(before)));
        i = end;
      }
    }
    return out;
  }

  public static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
