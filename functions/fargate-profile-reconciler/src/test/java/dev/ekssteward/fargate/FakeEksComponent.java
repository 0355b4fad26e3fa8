package dev.ekssteward.fargate;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.fargate.aws.FargateApi;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The test twin of {@link FargateComponent}: the production graph with an in-memory EKS. */
@Singleton
@Component(modules = {SharedModule.class, FargateModule.class, LocalSignerModule.class})
interface FakeEksComponent extends FargateComponent {
  @Component.Factory
  interface Factory {
    FakeEksComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors,
        @BindsInstance FargateApi eks);
  }
}
