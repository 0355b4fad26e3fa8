package dev.ekssteward.tagging;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.tagging.apply.ApplyTagsExecutor;
import dev.ekssteward.tagging.apply.PropagateToAsgExecutor;
import dev.ekssteward.tagging.plan.ApplyTags;
import dev.ekssteward.tagging.plan.ClusterTags;
import dev.ekssteward.tagging.plan.PropagateToAsg;
import javax.inject.Named;

/** Binds tag-enforcer's controller and one executor per action into the shared pipeline. */
@Module
public abstract class TaggingModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return TagEnforcer.NAME;
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<ClusterTags> pipeline) {
    return pipeline;
  }

  @Binds
  abstract Controller<ClusterTags> controller(TagEnforcer controller);

  @Binds
  @IntoMap
  @ClassKey(ApplyTags.class)
  abstract Executor<?> applyTags(ApplyTagsExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(PropagateToAsg.class)
  abstract Executor<?> propagateToAsg(PropagateToAsgExecutor executor);
}
