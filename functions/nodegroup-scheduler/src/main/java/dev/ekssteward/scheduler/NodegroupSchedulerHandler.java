package dev.ekssteward.scheduler;

import dev.ekssteward.shared.runtime.LocalClock;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import java.util.List;

/**
 * Lambda entry point of nodegroup-scheduler: scales managed node groups to zero after hours and
 * restores their exact sizes.
 */
public final class NodegroupSchedulerHandler extends StewardHandler {

  /** Used by the Lambda runtime: reads the environment and builds the production graph. */
  public NodegroupSchedulerHandler() {
    this(
        DaggerSchedulerComponent.factory()
            .create(
                NodegroupScheduler.NAME,
                Settings.fromEnvironment(),
                LocalClock.fromEnvironment(),
                Waits.real(),
                List.of()));
  }

  /** Used by tests: any component, for example one pointed at moto with a fake clock. */
  NodegroupSchedulerHandler(SchedulerComponent component) {
    super(component.pipeline());
  }
}
