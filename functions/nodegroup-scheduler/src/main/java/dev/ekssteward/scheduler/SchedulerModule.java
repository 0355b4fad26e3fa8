package dev.ekssteward.scheduler;

import dagger.Binds;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import dev.ekssteward.scheduler.eks.EksNodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.eks.RetryingNodegroupApi;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.config.ConfigCheck;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import javax.inject.Named;

/** Binds nodegroup-scheduler's controller, its EKS port and its config check. */
@Module
public abstract class SchedulerModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return "nodegroup-scheduler";
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

  /** Each target's EKS behind our own retry for 409 and "Request limit exceeded". */
  @Provides
  static NodegroupApis nodegroupApis(AwsClients clients, Retry retry) {
    return target -> new RetryingNodegroupApi(new EksNodegroupApi(clients.eks(target)), retry);
  }
}
