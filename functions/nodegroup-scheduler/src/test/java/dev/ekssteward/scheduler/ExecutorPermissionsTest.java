package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.ledger.LedgerAction;
import dev.ekssteward.scheduler.plan.SchedulerAction;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.DeclaredPermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production graph registers one executor per action, each declaring its IAM grants. */
class ExecutorPermissionsTest {
  @Test
  void everyActionHasAnExecutorThatDeclaresItsGrants() throws Exception {
    SchedulerComponent production =
        DaggerSchedulerComponent.factory()
            .create(
                NodegroupScheduler.NAME,
                new Settings("/eks-steward", true, null, "eu-west-1", null, null),
                Clock.systemUTC(),
                Waits.none(),
                List.of());

    DeclaredPermissions.check(
        NodegroupScheduler.NAME, production.executors(), SchedulerAction.class, LedgerAction.class);
  }
}
