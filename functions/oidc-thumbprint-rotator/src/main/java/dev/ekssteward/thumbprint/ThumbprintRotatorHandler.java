package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.runtime.LocalClock;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import java.util.List;

/**
 * Lambda entry point of oidc-thumbprint-rotator: keeps IRSA's IAM OIDC providers on the right TLS
 * thumbprints.
 */
public final class ThumbprintRotatorHandler extends StewardHandler {

  /** Used by the Lambda runtime: reads the environment and builds the production graph. */
  public ThumbprintRotatorHandler() {
    this(
        DaggerThumbprintComponent.factory()
            .create(
                ThumbprintRotator.NAME,
                Settings.fromEnvironment(),
                LocalClock.fromEnvironment(),
                Waits.real(),
                List.of()));
  }

  /** Used by tests: any component, for example one pointed at moto with a fake clock. */
  ThumbprintRotatorHandler(ThumbprintComponent component) {
    super(component.pipeline());
  }
}
