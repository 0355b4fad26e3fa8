package dev.ekssteward.tagging;

import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/** Binds tag-enforcer's controller into the shared pipeline. */
@Module
public abstract class TaggingModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return "tag-enforcer";
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<ClusterTags> pipeline) {
    return pipeline;
  }

  @Provides
  static dev.ekssteward.shared.pipeline.Controller<ClusterTags> controller(TagEnforcer controller) {
    return controller;
  }
}
