package dev.ekssteward.scheduler;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import dagger.multibindings.IntoSet;
import dev.ekssteward.scheduler.apply.DropRecordExecutor;
import dev.ekssteward.scheduler.apply.KeepUpExecutor;
import dev.ekssteward.scheduler.apply.RestoreExecutor;
import dev.ekssteward.scheduler.apply.ScaleDownExecutor;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.DropRecord;
import dev.ekssteward.scheduler.plan.KeepUp;
import dev.ekssteward.scheduler.plan.Restore;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.config.ConfigCheck;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/**
 * Binds nodegroup-scheduler's controller, its executors and its config check. The EKS port comes
 * from {@link EksModule} (tests bind an in-memory EKS instead).
 */
@Module
public abstract class SchedulerModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return NodegroupScheduler.NAME;
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<ClusterState> pipeline) {
    return pipeline;
  }

  @Binds
  abstract Controller<ClusterState> controller(NodegroupScheduler controller);

  @Binds
  @IntoSet
  abstract ConfigCheck scheduleCheck(ScheduleConfigCheck check);

  @Binds
  @IntoMap
  @ClassKey(ScaleDown.class)
  abstract Executor<?> scaleDown(ScaleDownExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(Restore.class)
  abstract Executor<?> restore(RestoreExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(DropRecord.class)
  abstract Executor<?> dropRecord(DropRecordExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(KeepUp.class)
  abstract Executor<?> keepUp(KeepUpExecutor executor);
}
