package dev.ekssteward.fargate;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.ekssteward.fargate.apply.CreateProfileExecutor;
import dev.ekssteward.fargate.apply.DeleteProfileExecutor;
import dev.ekssteward.fargate.apply.MarkManagedExecutor;
import dev.ekssteward.fargate.apply.TagProfileExecutor;
import dev.ekssteward.fargate.apply.UntagProfileExecutor;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.pipeline.Controller;
import java.util.Set;

/**
 * Binds the reconciler and its executors (one per action type) into the shared pipeline. The EKS
 * port comes from {@link EksApiModule} (tests bind an in-memory EKS instead).
 */
@Module
public abstract class FargateModule {
  @Binds
  abstract Controller<ClusterObservation> controller(FargateProfileReconciler controller);

  /** One executor per action type. */
  @Provides
  @ElementsIntoSet
  static Set<Executor<?>> executors(
      CreateProfileExecutor create,
      DeleteProfileExecutor delete,
      TagProfileExecutor tag,
      UntagProfileExecutor untag,
      MarkManagedExecutor mark) {
    return Set.of(create, delete, tag, untag, mark);
  }
}
