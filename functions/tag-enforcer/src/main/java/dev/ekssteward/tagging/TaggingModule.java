package dev.ekssteward.tagging;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.tagging.apply.ApplyTagsExecutor;
import dev.ekssteward.tagging.apply.PropagateToAsgExecutor;
import dev.ekssteward.tagging.plan.ClusterTags;
import java.util.Set;

/** Binds tag-enforcer's controller and one executor per action into the shared pipeline. */
@Module
public abstract class TaggingModule {
  @Binds
  abstract Controller<ClusterTags> controller(TagEnforcer controller);

  /** One executor per action type. */
  @Provides
  @ElementsIntoSet
  static Set<Executor<?>> executors(ApplyTagsExecutor applyTags, PropagateToAsgExecutor propagate) {
    return Set.of(applyTags, propagate);
  }
}
