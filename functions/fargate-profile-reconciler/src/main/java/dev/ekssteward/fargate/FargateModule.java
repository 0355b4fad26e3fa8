package dev.ekssteward.fargate;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/** Binds the reconciler into the shared pipeline. The EKS port comes from another module. */
@Module
public abstract class FargateModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return FargateProfileReconciler.NAME;
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<ClusterObservation> pipeline) {
    return pipeline;
  }

  @Provides
  static Controller<ClusterObservation> controller(FargateProfileReconciler controller) {
    return controller;
  }
}
