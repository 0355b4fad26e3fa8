package dev.ekssteward.tagging;

import dev.ekssteward.shared.runtime.LocalClock;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import java.util.List;

/**
 * Lambda entry point of tag-enforcer: applies the tag policy to clusters, node groups, Fargate
 * profiles and their ASGs.
 */
public final class TagEnforcerHandler extends StewardHandler {

  /** Used by the Lambda runtime: reads the environment and builds the production graph. */
  public TagEnforcerHandler() {
    this(
        DaggerTaggingComponent.factory()
            .create(
                TagEnforcer.NAME,
                Settings.fromEnvironment(),
                LocalClock.fromEnvironment(),
                Waits.real(),
                List.of()));
  }

  /** Used by tests: any component, for example one pointed at moto with a fake clock. */
  TagEnforcerHandler(TaggingComponent component) {
    super(component.pipeline());
  }
}
