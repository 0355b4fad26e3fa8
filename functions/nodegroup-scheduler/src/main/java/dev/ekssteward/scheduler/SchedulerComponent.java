package dev.ekssteward.scheduler;

import dagger.BindsInstance;
import dagger.Component;
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
 * The object graph of nodegroup-scheduler. Tests build it with their own clock, waits and
 * interceptors.
 */
@Singleton
@Component(modules = {SharedModule.class, SchedulerModule.class, EksModule.class})
public interface SchedulerComponent {
  Pipeline<ClusterState> pipeline();

  /** The executors and the IAM grants they declare (LeastPrivilegeIT reads them). */
  ActionExecutors executors();

  @Component.Factory
  interface Factory {
    SchedulerComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors);
  }
}
