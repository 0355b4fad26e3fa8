package dev.ekssteward.shared.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.networknt.schema.Schema;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.docs.MarkdownDocs.Block;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every {@code json} block of README.md and docs/*.md that is a config document, a Fargate desired
 * state or an audit event (a whole event, or a detail named by the prose just above it) matches its
 * schema in docs/schema; a config document is also accepted by the parser. A block this test cannot
 * classify fails unless {@link #NOT_EXAMPLES} lists it, with why.
 */
class DocExamplesTest {
  /** Blocks that are none of the above: file, a text the block contains, and what it is. */
  static final List<List<String>> NOT_EXAMPLES =
      List.of(
          List.of("README.md", "\"status\": \"ok\"", "a function's report"),
          List.of("docs/audit-events.md", "OnlyTheStewardFunctionsWrite", "an IAM statement"),
          List.of("docs/local.md", "\"errorType\"", "a Lambda error reply"),
          List.of("docs/local.md", "\"TagEnforcerFunction\"", "a SAM env-vars file"),
          List.of("docs/local.md", "host.docker.internal", "a SAM env-vars file"),
          List.of(
              "docs/nodegroup-scheduler.md", "eks-steward.requests", "a request event (input)"));

  private static final Set<String> CONFIG_SECTIONS =
      Set.of("targets", "scheduler", "thumbprints", "fargate", "tagging", "limits");
  private static final Pattern NAMED = Pattern.compile("`([^`]+)`");

  @Test
  void everyConfigDesiredStateAndAuditExampleMatchesItsSchema() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Block b : MarkdownDocs.blocks()) {
      if (!b.language().equals("json")) {
        continue;
      }
      if (listed(b)) {
        continue;
      }
      for (Object value : values(b, problems)) {
        checked++;
        problems.addAll(check(b, value));
      }
    }
    assertThat(problems).isEmpty();
    assertThat(checked).as("examples checked").isGreaterThan(30);
  }

  @Test
  void everyListedNonExampleStillExists() {
    for (List<String> entry : NOT_EXAMPLES) {
      boolean found =
          MarkdownDocs.blocks().stream()
              .anyMatch(
                  b -> b.where().startsWith(entry.get(0) + ":") && b.text().contains(entry.get(1)));
      assertThat(found).as("NOT_EXAMPLES entry %s", entry).isTrue();
    }
  }

  @Test
  void aDetailThatBreaksItsSchemaIsCaught() {
    Block b =
        new Block(
            MarkdownDocs.root().resolve("docs/x.md"),
            1,
            "json",
            "",
            List.of("`Nodegroup Scaled Down`:"));

    List<String> problems =
        check(b, Json.parse("{\"cluster\": \"c\", \"nodegroup\": \"n\", \"before\": {}}"));

    assertThat(String.join("\n", problems))
        .contains("Nodegroup Scaled Down")
        .contains("after")
        .contains("minSize");
  }

  @Test
  void aBlockThatIsNoneOfThemFails() {
    Block b = new Block(MarkdownDocs.root().resolve("docs/x.md"), 1, "json", "", List.of("text"));

    assertThat(check(b, Json.parse("{\"status\": \"ok\"}")))
        .singleElement()
        .asString()
        .contains("docs/x.md:1: cannot tell");
  }

  /** What is wrong with one example, as "file:line: reason" lines. */
  static List<String> check(Block b, Object value) {
    if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
      return List.of(b.where() + ": cannot tell what this JSON is an example of");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    if (object.containsKey("detail-type")) {
      return event(b, object);
    }
    if (CONFIG_SECTIONS.containsAll(object.keySet())) {
      List<String> out = problems(b, "config", Schemas.config(), object);
      try {
        StewardConfig.parse(Json.write(object), "docs");
      } catch (ConfigException e) {
        out.add(b.where() + ": the parser refuses this config: " + e.errors());
      }
      return out;
    }
    if (object.containsKey("profiles")
        && Set.of("prune", "profiles").containsAll(object.keySet())) {
      return problems(b, "Fargate desired state", Schemas.fargateDesired(), object);
    }
    String type = namedDetailType(b);
    if (type != null) {
      return detail(b, type, object);
    }
    return List.of(
        b.where()
            + ": cannot tell what this JSON is an example of: name its audit detail-type in"
            + " backquotes just above it, or list it in DocExamplesTest.NOT_EXAMPLES");
  }

  @SuppressWarnings("unchecked")
  private static List<String> event(Block b, Map<String, Object> event) {
    List<String> out = new ArrayList<>();
    Object source = event.getOrDefault("source", "eks-steward");
    if (!"eks-steward".equals(source)) {
      out.add(b.where() + ": an event of source " + source + " is no audit event");
    }
    for (String key : event.keySet()) {
      if (!Set.of("source", "detail-type", "resources", "detail").contains(key)) {
        out.add(b.where() + ": an audit event has no field " + key);
      }
    }
    if (!(event.get("detail") instanceof Map)) {
      out.add(b.where() + ": an audit event has a detail object");
      return out;
    }
    out.addAll(
        detail(
            b,
            String.valueOf(event.get("detail-type")),
            (Map<String, Object>) event.get("detail")));
    return out;
  }

  /**
   * A detail example may leave out the fields every detail shares (docs/audit-events.md lists them
   * once); they are filled in, so the example is checked for the fields of its own type.
   */
  private static List<String> detail(Block b, String type, Map<String, Object> detail) {
    Schema schema = Schemas.audit(type);
    if (schema == null) {
      return List.of(
          b.where() + ": '" + type + "' has no schema (" + Schemas.auditFile(type) + ")");
    }
    Map<String, Object> full = new LinkedHashMap<>();
    full.put("function", function(b));
    full.put("runId", "doc-example");
    full.put("changeId", "doc-example/1796634300000/1");
    full.putAll(detail);
    return problems(b, type, schema, full);
  }

  private static List<String> problems(Block b, String what, Schema schema, Object value) {
    List<String> out = new ArrayList<>();
    for (String p : Schemas.problems(schema, value)) {
      out.add(b.where() + ": " + what + ": " + p);
    }
    return out;
  }

  /** The first backquoted name with a schema in the nearest lines above the block. */
  static String namedDetailType(Block b) {
    for (int i = b.before().size() - 1; i >= 0; i--) {
      Matcher m = NAMED.matcher(b.before().get(i));
      while (m.find()) {
        if (Schemas.audit(m.group(1)) != null) {
          return m.group(1);
        }
      }
      if (b.before().get(i).strip().startsWith("```")) {
        return null;
      }
    }
    return null;
  }

  /** The function a page is about; its examples may leave the function out. */
  private static String function(Block b) {
    String page = b.file().getFileName().toString().replace(".md", "");
    return switch (page) {
      case "nodegroup-scheduler",
          "oidc-thumbprint-rotator",
          "fargate-profile-reconciler",
          "tag-enforcer" ->
          page;
      default -> "nodegroup-scheduler";
    };
  }

  private static boolean listed(Block b) {
    return NOT_EXAMPLES.stream()
        .anyMatch(e -> b.where().startsWith(e.get(0) + ":") && b.text().contains(e.get(1)));
  }

  /** The block's JSON values: one, or several one after the other (a list of events). */
  static List<Object> values(Block b, List<String> problems) {
    List<Object> out = new ArrayList<>();
    String text = b.text();
    int depth = 0;
    int start = -1;
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (depth++ == 0) {
          start = i;
        }
      } else if ((c == '}' || c == ']') && --depth == 0) {
        try {
          out.add(Json.parse(text.substring(start, i + 1)));
        } catch (RuntimeException e) {
          problems.add(b.where() + ": not valid JSON: " + e.getMessage());
        }
      }
    }
    if (out.isEmpty() && problems.isEmpty()) {
      fail(b.where() + ": a json block without a JSON value");
    }
    return out;
  }
}
