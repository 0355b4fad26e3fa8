package dev.ekssteward.fargate;

import dev.ekssteward.fargate.plan.ProfileAction;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.DeclaredPermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The production graph registers one executor per action, each declaring its IAM grants. */
class ExecutorPermissionsTest {
  @Test
  void everyActionHasAnExecutorThatDeclaresItsGrants() throws Exception {
    FargateComponent production =
        DaggerFargateComponent.factory()
            .create(
                FargateProfileReconciler.NAME,
                Settings.from(Map.of("AWS_REGION", "eu-west-1")),
                Clock.systemUTC(),
                Waits.none(),
                List.of());

    DeclaredPermissions.check(
        FargateProfileReconciler.NAME, production.executors(), ProfileAction.class);
  }
}
