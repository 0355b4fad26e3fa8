package dev.ekssteward.thumbprint;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/** Binds oidc-thumbprint-rotator's controller into the shared pipeline. */
@Module
public abstract class ThumbprintModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return "oidc-thumbprint-rotator";
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<Void> pipeline) {
    return pipeline;
  }

  @Provides
  static dev.ekssteward.shared.pipeline.Controller<Void> controller(ThumbprintRotator controller) {
    return controller;
  }
}
