package dev.ekssteward.scheduler;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.scheduler.asg.AutoScalingApis;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.ledger.SchedulerStore;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.shared.pipeline.ActionExecutors;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The production graph with an in-memory EKS ({@code FakeEks}), Auto Scaling and parameter store in
 * place of the SDK adapters.
 */
@Singleton
@Component(modules = {SharedModule.class, SchedulerModule.class, LocalSignerModule.class})
interface FakeEksComponent {
  Pipeline<ClusterState> pipeline();

  NodegroupScheduler scheduler();

  ActionExecutors executors();

  @Component.Factory
  interface Factory {
    FakeEksComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors,
        @BindsInstance NodegroupApis eks,
        @BindsInstance AutoScalingApis autoscaling,
        @BindsInstance SchedulerStore store);
  }
}
