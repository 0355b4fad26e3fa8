package dev.ekssteward.shared.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.docs.MarkdownDocs.Block;
import dev.ekssteward.shared.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The commands README.md and docs/*.md show work as written: every repository path they name exists
 * (an {@code events/*.json}, an env-vars file, a template), every {@code local/} script they run is
 * executable, and {@code sam local invoke} gets the env-vars file the docs describe.
 */
class DocCommandsTest {
  private static final Pattern INLINE = Pattern.compile("`([^`\\n]+)`");
  private static final Pattern PATH =
      Pattern.compile("^(\\./)?[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]*)*$");
  private static final Pattern SAM_ENV = Pattern.compile("env_vars\\s*=\\s*\"([^\"]+)\"");

  @Test
  void everyPathACommandNamesExistsAndEveryScriptItRunsIsExecutable() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Block b : MarkdownDocs.blocks()) {
      if (!b.language().equals("bash")) {
        continue;
      }
      // A line ending in a backslash goes on: the next line is the same command.
      for (String line : b.text().replace("\\\n", " ").split("\n")) {
        checked += check(b.where(), line.replaceAll("(^|\\s)#.*$", ""), problems);
      }
    }
    for (Path file : MarkdownDocs.files()) {
      List<String> lines = MarkdownDocs.lines(file);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = INLINE.matcher(lines.get(i));
        while (m.find()) {
          String span = m.group(1);
          if (span.startsWith("local/") || span.startsWith("events/")) {
            String where = MarkdownDocs.root().relativize(file) + ":" + (i + 1);
            // One word names a file or folder; more words are a command (the first runs).
            checked += check(where, span.contains(" ") ? span : "ls " + span, problems);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).as("paths checked").isGreaterThan(20);
  }

  @Test
  void aMissingEventFileAndAScriptThatCannotRunAreCaught() {
    List<String> problems = new ArrayList<>();

    check("x", "local/invoke TagEnforcerFunction events/no-such-event.json", problems);
    check("x", "local/moto/README.md --help", problems);

    assertThat(problems)
        .containsExactly(
            "x: events/no-such-event.json does not exist",
            "x: local/moto/README.md is run but is not an executable file");
  }

  @Test
  void samLocalInvokeGetsTheShippedEnvVarsFileTheDocsDescribe() throws Exception {
    Path root = MarkdownDocs.root();
    Matcher m = SAM_ENV.matcher(Files.readString(root.resolve("samconfig.toml")));
    assertThat(m.find()).as("samconfig.toml sets env_vars for sam local invoke").isTrue();
    String file = m.group(1);

    assertThat(root.resolve(file)).isRegularFile();
    assertThat(Files.readString(root.resolve("README.md"))).contains("`" + file + "`");
    assertThat(Files.readString(root.resolve("docs/local.md"))).contains(file);
    Map<String, Object> shipped = Json.parseObject(Files.readString(root.resolve(file)));
    Object shown =
        MarkdownDocs.blocks().stream()
            .filter(b -> b.where().startsWith("docs/local.md:") && b.language().equals("json"))
            .filter(b -> b.text().contains("host.docker.internal"))
            .map(b -> Json.parse(b.text()))
            .findFirst()
            .orElse(null);
    assertThat(shown).as("docs/local.md shows the shipped file").isEqualTo(shipped);
    // SAM passes only the variables the template declares.
    String template = Files.readString(root.resolve("template.yaml"));
    @SuppressWarnings("unchecked")
    Map<String, Object> parameters = (Map<String, Object>) shipped.get("Parameters");
    for (String variable : parameters.keySet()) {
      assertThat(template).as("template.yaml declares %s", variable).contains(variable + ":");
    }
  }

  /** Checks each path of one command line; returns how many it checked. */
  static int check(String where, String commandLine, List<String> problems) {
    int checked = 0;
    for (String command : commandLine.split("&&|\\|\\||;|\\||\\$\\(")) {
      boolean first = true;
      for (String word : command.strip().split("\\s+")) {
        String token = word.replaceAll("^[\"'(]+|[\"'),]+$", "");
        if (first && token.matches("[A-Z_]+=.*")) {
          continue; // an environment assignment before the command
        }
        boolean runs = first;
        first = false;
        if (!PATH.matcher(token).matches() || !named(token)) {
          continue;
        }
        checked++;
        Path path = MarkdownDocs.root().resolve(token);
        if (!Files.exists(path)) {
          problems.add(where + ": " + token + " does not exist");
        } else if (runs && (!Files.isRegularFile(path) || !Files.isExecutable(path))) {
          problems.add(where + ": " + token + " is run but is not an executable file");
        }
      }
    }
    return checked;
  }

  /** A path into the repository (not one a command creates, as local/.run/ or target/). */
  private static boolean named(String token) {
    String path = token.startsWith("./") ? token.substring(2) : token;
    if (path.contains("/.run/")
        || path.contains("target/")
        || !path.contains("/") && !path.matches("[\\w.-]+\\.(yaml|toml|xml)")) {
      return false;
    }
    String top = path.split("/")[0];
    return Files.exists(MarkdownDocs.root().resolve(top)) && !top.isEmpty();
  }
}
