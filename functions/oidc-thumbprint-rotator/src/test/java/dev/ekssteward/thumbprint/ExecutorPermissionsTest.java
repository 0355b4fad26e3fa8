package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.DeclaredPermissions;
import dev.ekssteward.thumbprint.plan.RotatorAction;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production graph registers one executor per action, each declaring its IAM grants. */
class ExecutorPermissionsTest {
  @Test
  void everyActionHasAnExecutorThatDeclaresItsGrants() throws Exception {
    ThumbprintComponent production =
        DaggerThumbprintComponent.factory()
            .create(
                ThumbprintRotator.NAME,
                new Settings("/eks-steward", true, null, "eu-west-1", null, null),
                Clock.systemUTC(),
                Waits.none(),
                List.of());

    DeclaredPermissions.check(ThumbprintRotator.NAME, production.executors(), RotatorAction.class);
  }
}
