package dev.ekssteward.thumbprint;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.shared.pipeline.ActionExecutors;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.thumbprint.port.ClusterIssuers;
import dev.ekssteward.thumbprint.port.OidcProviders;
import dev.ekssteward.thumbprint.tls.IssuerRoute;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The test twin: the production controller and executors on in-memory ports (IAM's providers and
 * EKS's clusters), with an {@link IssuerRoute} to a local HTTPS issuer. Only the config (SSM) and
 * the audit trail (EventBridge) still go to the local AWS.
 */
@Singleton
@Component(modules = {SharedModule.class, ThumbprintModule.class})
interface FakeThumbprintComponent extends ThumbprintComponent {
  /** The executors the module registers, by action class. */
  ActionExecutors executors();

  @Component.Factory
  interface Factory {
    FakeThumbprintComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors,
        @BindsInstance IssuerRoute route,
        @BindsInstance OidcProviders providers,
        @BindsInstance ClusterIssuers clusters);
  }
}
