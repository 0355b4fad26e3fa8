package dev.ekssteward.fargate;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/** Binds fargate-profile-reconciler's controller into the shared pipeline. */
@Module
public abstract class FargateModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return "fargate-profile-reconciler";
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<Void> pipeline) {
    return pipeline;
  }

  @Provides
  static dev.ekssteward.shared.pipeline.Controller<Void> controller(
      FargateProfileReconciler controller) {
    return controller;
  }
}
