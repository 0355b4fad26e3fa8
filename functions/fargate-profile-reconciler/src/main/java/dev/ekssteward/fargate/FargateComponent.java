package dev.ekssteward.fargate;

import dagger.BindsInstance;
import dagger.Component;
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
 * The object graph of fargate-profile-reconciler. Tests build it with their own clock, waits and
 * interceptors.
 */
@Singleton
@Component(modules = {SharedModule.class, FargateModule.class, EksApiModule.class})
public interface FargateComponent {
  Pipeline<ClusterObservation> pipeline();

  /** The executors and the IAM grants they declare (checked against template.yaml). */
  ActionExecutors executors();

  @Component.Factory
  interface Factory {
    FargateComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors);
  }
}
