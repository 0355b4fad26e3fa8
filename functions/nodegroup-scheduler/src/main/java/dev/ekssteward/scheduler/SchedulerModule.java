package dev.ekssteward.scheduler;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/** Binds nodegroup-scheduler's controller into the shared pipeline. */
@Module
public abstract class SchedulerModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return "nodegroup-scheduler";
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<Void> pipeline) {
    return pipeline;
  }

  @Provides
  static dev.ekssteward.shared.pipeline.Controller<Void> controller(NodegroupScheduler controller) {
    return controller;
  }
}
