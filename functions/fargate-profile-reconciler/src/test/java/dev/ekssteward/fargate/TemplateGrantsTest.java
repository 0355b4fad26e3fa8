package dev.ekssteward.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.plan.ProfileAction;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.EventFiles;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production graph has one executor per action type, and template.yaml grants the function's
 * role every permission they declare, on exactly the resource they declare.
 */
class TemplateGrantsTest {
  static final Map<Class<?>, Executor<?>> EXECUTORS =
      DaggerFargateComponent.factory()
          .create(
              Settings.from(Map.of("AWS_REGION", "eu-west-1")),
              Clock.systemUTC(),
              Waits.none(),
              List.of())
          .executors()
          .all();

  /** One statement of the function's policy: its actions and its {@code !Sub} resource. */
  record Statement(List<String> actions, String resource) {}

  @Test
  void everyActionTypeHasAnExecutor() {
    assertThat(EXECUTORS.keySet())
        .containsExactlyInAnyOrder(ProfileAction.class.getPermittedSubclasses());
  }

  @Test
  void theTemplateGrantsWhatTheExecutorsDeclare() throws Exception {
    List<Statement> statements = statements();
    List<Permission> declared =
        EXECUTORS.values().stream().flatMap(e -> e.permissions().stream()).toList();

    assertThat(declared).hasSize(5);
    for (Permission p : declared) {
      assertThat(statements)
          .as("a statement granting %s on %s", p.action(), p.resource())
          .anyMatch(s -> s.actions().contains(p.action()) && p.resource().equals(s.resource()));
    }
  }

  /** The statements of FargateProfileReconcilerFunction's policy, read from the template text. */
  static List<Statement> statements() throws Exception {
    String template = Files.readString(EventFiles.directory().getParent().resolve("template.yaml"));
    int start = template.indexOf("\n  FargateProfileReconcilerFunction:\n");
    Matcher next = Pattern.compile("\n  [A-Za-z]+:\n").matcher(template);
    int end = next.find(start + 1) ? next.start() : template.length();
    List<Statement> out = new ArrayList<>();
    for (String block : template.substring(start, end).split("\n +- Sid: ")) {
      Matcher resource = Pattern.compile("\n +Resource: !Sub (\\S+)").matcher(block);
      List<String> actions = new ArrayList<>();
      Matcher action =
          Pattern.compile("\n +(?:Action: |- )([a-z0-9]+:[A-Za-z]+)(?=\n)").matcher(block);
      while (action.find()) {
        actions.add(action.group(1));
      }
      out.add(new Statement(actions, resource.find() ? resource.group(1) : null));
    }
    return out;
  }
}
