package dev.ekssteward.thumbprint;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.shared.pipeline.ActionExecutors;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.thumbprint.model.AccountView;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The object graph of oidc-thumbprint-rotator. Tests build it with their own clock, waits and
 * interceptors, or build a twin that binds fakes of the ports.
 */
@Singleton
@Component(modules = {SharedModule.class, ThumbprintModule.class, ThumbprintAwsModule.class})
public interface ThumbprintComponent {
  Pipeline<AccountView> pipeline();

  /** The executors and the IAM grants they declare (LeastPrivilegeIT reads them). */
  ActionExecutors executors();

  @Component.Factory
  interface Factory {
    ThumbprintComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors);
  }
}
