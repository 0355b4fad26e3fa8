package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.PortExecutor;
import dev.ekssteward.shared.pipeline.ActionExecutors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks a function's executors against its sealed action type (one executor per action, each
 * declaring the grants it needs, and the audit event it names documented by a schema) and writes
 * the grants to {@code target/declared-permissions/<function>.txt} ({@code <action> <resource>[
 * <condition>]} per line, see {@link Permission#line()}), which LeastPrivilegeIT checks against
 * template.yaml and docs/member-account.yaml.
 */
public final class DeclaredPermissions {
  private DeclaredPermissions() {}

  /** {@code sealedActions}: the function's sealed action types (usually one). */
  public static void check(String function, ActionExecutors executors, Class<?>... sealedActions)
      throws IOException {
    Map<Class<?>, Executor<?>> all = executors.all();
    assertThat(all.keySet())
        .as("one executor per %s", Arrays.stream(sealedActions).map(Class::getSimpleName).toList())
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(sealedActions)
                .flatMap(c -> Arrays.stream(c.getPermittedSubclasses()))
                .toList());
    TreeSet<String> lines = new TreeSet<>();
    all.forEach(
        (type, executor) -> {
          List<Permission> permissions = executor.permissions();
          assertThat(permissions)
              .as("grants of the %s executor", type.getSimpleName())
              .isNotEmpty();
          permissions.forEach(p -> lines.add(p.line()));
          if (executor instanceof PortExecutor<?, ?> named && named.event() != null) {
            assertThat(Schemas.audit(named.event()))
                .as(
                    "docs/schema/%s of the %s executor",
                    Schemas.auditFile(named.event()), type.getSimpleName())
                .isNotNull();
          }
        });
    Path dir = Path.of("target", "declared-permissions");
    Files.createDirectories(dir);
    Files.write(dir.resolve(function + ".txt"), lines);
  }
}
