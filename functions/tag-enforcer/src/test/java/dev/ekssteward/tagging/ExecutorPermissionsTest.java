package dev.ekssteward.tagging;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.DeclaredPermissions;
import dev.ekssteward.tagging.plan.TaggingAction;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production graph registers one executor per action, each declaring its IAM grants. */
class ExecutorPermissionsTest {
  @Test
  void everyActionHasAnExecutorThatDeclaresItsGrants() throws Exception {
    TaggingComponent production =
        DaggerTaggingComponent.factory()
            .create(
                TagEnforcer.NAME,
                new Settings("/eks-steward", true, null, "eu-west-1", null, null),
                Clock.systemUTC(),
                Waits.none(),
                List.of());

    DeclaredPermissions.check(TagEnforcer.NAME, production.executors(), TaggingAction.class);
  }
}
