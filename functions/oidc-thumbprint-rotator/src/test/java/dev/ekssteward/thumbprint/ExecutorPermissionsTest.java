package dev.ekssteward.thumbprint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.thumbprint.plan.RotatorAction;
import dev.ekssteward.thumbprint.port.FakeClusterIssuers;
import dev.ekssteward.thumbprint.port.FakeOidcProviders;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every action has its executor in the Dagger graph, and every grant an executor declares is in a
 * statement of ThumbprintRotatorFunction's policy in template.yaml (action and resource as
 * written).
 */
class ExecutorPermissionsTest {
  private final Map<Class<?>, Executor<?>> executors =
      DaggerFakeThumbprintComponent.factory()
          .create(
              new Settings("/eks-steward", false, null, "eu-west-1", null, null),
              Clock.systemUTC(),
              Waits.none(),
              List.of(),
              issuer -> issuer,
              new FakeOidcProviders("123456789012"),
              new FakeClusterIssuers())
          .executors()
          .all();

  @Test
  void everyActionHasItsExecutor() {
    assertThat(executors.keySet())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.asList(RotatorAction.class.getPermittedSubclasses()));
  }

  @Test
  void everyDeclaredGrantIsInTheTemplate() throws Exception {
    List<String> statements = statements();
    List<Permission> declared =
        executors.values().stream().flatMap(e -> e.permissions().stream()).toList();

    assertThat(declared).hasSize(3);
    for (Permission p : declared) {
      assertThat(statements)
          .as("a statement granting " + p)
          .anyMatch(s -> s.contains(p.action()) && s.contains("!Sub " + p.resource() + "\n"));
    }
  }

  /** The policy statements of ThumbprintRotatorFunction, as text. */
  private static List<String> statements() throws Exception {
    String template = Files.readString(EventFiles.directory().resolveSibling("template.yaml"));
    int start = template.indexOf("\n  ThumbprintRotatorFunction:\n");
    String function = template.substring(start, nextResource(template, start));
    return Arrays.asList(function.split("- Sid: "));
  }

  /** Where the next top-level resource after {@code start} begins. */
  private static int nextResource(String template, int start) {
    Matcher m = Pattern.compile("\n  [A-Za-z0-9]+:\n").matcher(template);
    return m.find(start + 1) ? m.start() : template.length();
  }
}
