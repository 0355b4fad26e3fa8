package dev.ekssteward.scheduler;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dagger.multibindings.IntoSet;
import dev.ekssteward.scheduler.apply.DropRecordExecutor;
import dev.ekssteward.scheduler.apply.KeepUpExecutor;
import dev.ekssteward.scheduler.apply.PauseAutoscalerExecutor;
import dev.ekssteward.scheduler.apply.PauseScaleDownsExecutor;
import dev.ekssteward.scheduler.apply.ResignRecordExecutor;
import dev.ekssteward.scheduler.apply.RestoreExecutor;
import dev.ekssteward.scheduler.apply.ResumeAutoscalerExecutor;
import dev.ekssteward.scheduler.apply.ScaleDownExecutor;
import dev.ekssteward.scheduler.apply.UpdateRecordIndexExecutor;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.config.ConfigCheck;
import dev.ekssteward.shared.pipeline.Controller;
import java.util.Set;

/**
 * Binds nodegroup-scheduler's controller, its executors and its config check. The EKS port comes
 * from {@link EksModule} (tests bind an in-memory EKS instead).
 */
@Module
public abstract class SchedulerModule {
  @Binds
  abstract Controller<ClusterState> controller(NodegroupScheduler controller);

  @Binds
  @IntoSet
  abstract ConfigCheck scheduleCheck(ScheduleConfigCheck check);

  /** One executor per action type. */
  @Provides
  @ElementsIntoSet
  static Set<Executor<?>> executors(
      ScaleDownExecutor scaleDown,
      RestoreExecutor restore,
      DropRecordExecutor dropRecord,
      KeepUpExecutor keepUp,
      PauseAutoscalerExecutor pauseAutoscaler,
      ResumeAutoscalerExecutor resumeAutoscaler,
      PauseScaleDownsExecutor pauseScaleDowns,
      UpdateRecordIndexExecutor updateRecordIndex,
      ResignRecordExecutor resign) {
    return Set.of(
        scaleDown,
        restore,
        dropRecord,
        keepUp,
        pauseAutoscaler,
        resumeAutoscaler,
        pauseScaleDowns,
        updateRecordIndex,
        resign);
  }
}
