package dev.ekssteward.fargate;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import dev.ekssteward.fargate.apply.CreateProfileExecutor;
import dev.ekssteward.fargate.apply.DeleteProfileExecutor;
import dev.ekssteward.fargate.apply.TagProfileExecutor;
import dev.ekssteward.fargate.apply.UntagProfileExecutor;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.TagProfile;
import dev.ekssteward.fargate.plan.ProfileAction.UntagProfile;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/**
 * Binds the reconciler and its executors (one per action type) into the shared pipeline. The EKS
 * port comes from {@link EksApiModule} (tests bind an in-memory EKS instead).
 */
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

  @Binds
  abstract Controller<ClusterObservation> controller(FargateProfileReconciler controller);

  @Binds
  @IntoMap
  @ClassKey(CreateProfile.class)
  abstract Executor<?> create(CreateProfileExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(DeleteProfile.class)
  abstract Executor<?> delete(DeleteProfileExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(TagProfile.class)
  abstract Executor<?> tag(TagProfileExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(UntagProfile.class)
  abstract Executor<?> untag(UntagProfileExecutor executor);
}
