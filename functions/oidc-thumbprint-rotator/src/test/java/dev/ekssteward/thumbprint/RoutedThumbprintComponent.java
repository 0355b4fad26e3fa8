package dev.ekssteward.thumbprint;

import dagger.BindsInstance;
import dagger.Component;
import dev.ekssteward.shared.runtime.FunctionName;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.thumbprint.tls.IssuerRoute;
import dev.ekssteward.thumbprint.tls.PublicRoots;
import java.time.Clock;
import java.util.List;
import javax.inject.Singleton;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The production graph plus an {@link IssuerRoute}: moto gives clusters real EKS issuer hosts, and
 * this sends those fetches to a local HTTPS issuer instead; and the {@link PublicRoots} that stand
 * in for IAM's (the JDK's, unless a test stands its own CA in for a public one). Test-only;
 * production binds neither.
 */
@Singleton
@Component(modules = {SharedModule.class, ThumbprintModule.class, ThumbprintAwsModule.class})
interface RoutedThumbprintComponent extends ThumbprintComponent {
  @Component.Factory
  interface Factory {
    RoutedThumbprintComponent create(
        @BindsInstance @FunctionName String function,
        @BindsInstance Settings settings,
        @BindsInstance Clock clock,
        @BindsInstance Waits waits,
        @BindsInstance List<ExecutionInterceptor> interceptors,
        @BindsInstance IssuerRoute route,
        @BindsInstance PublicRoots publicRoots);
  }
}
