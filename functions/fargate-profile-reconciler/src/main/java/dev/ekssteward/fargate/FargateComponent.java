package dev.ekssteward.fargate;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The object graph of fargate-profile-reconciler. Tests build it with their own clock, sleeper and
 * interceptors.
 */
@Singleton
@Component(modules = {SharedModule.class, FargateModule.class, EksApiModule.class})
public interface FargateComponent {
  Pipeline<?> pipeline();

  @Component.Factory
  interface Factory {
    FargateComponent create(
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Retry.Sleeper sleeper,
        @BindsInstance List<ExecutionInterceptor> interceptors);
  }
}
