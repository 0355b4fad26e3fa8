package dev.ekssteward.fargate;

import dev.ekssteward.shared.runtime.LocalClock;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import java.util.List;

/**
 * Lambda entry point of fargate-profile-reconciler: converges Fargate profiles to the desired state
 * in Parameter Store.
 */
public final class FargateProfileReconcilerHandler extends StewardHandler {

  /** Used by the Lambda runtime: reads the environment and builds the production graph. */
  public FargateProfileReconcilerHandler() {
    this(
        DaggerFargateComponent.factory()
            .create(
                FargateProfileReconciler.NAME,
                Settings.fromEnvironment(),
                LocalClock.fromEnvironment(),
                Waits.real(),
                List.of()));
  }

  /** Used by tests: any component, for example one pointed at moto with a fake clock. */
  FargateProfileReconcilerHandler(FargateComponent component) {
    super(component.pipeline());
  }
}
