package dev.ekssteward.tagging;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.tagging.aws.TaggingApi;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The test twin of {@link TaggingComponent}: the production graph with an in-memory EKS and ASGs.
 */
@Singleton
@Component(modules = {SharedModule.class, TaggingModule.class})
interface FakeTaggingComponent extends TaggingComponent {
  @Component.Factory
  interface Factory {
    FakeTaggingComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors,
        @BindsInstance TaggingApi api);
  }
}
