package dev.ekssteward.thumbprint;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ClassKey;
import dagger.multibindings.IntoMap;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.thumbprint.apply.CreateProviderExecutor;
import dev.ekssteward.thumbprint.apply.UpdateThumbprintsExecutor;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.plan.CreateProvider;
import dev.ekssteward.thumbprint.plan.UpdateThumbprints;
import dev.ekssteward.thumbprint.tls.IssuerRoute;
import javax.inject.Named;

/**
 * Binds oidc-thumbprint-rotator's controller and executors into the shared pipeline. The ports come
 * from {@link ThumbprintAwsModule} in production and from fakes in the tests' twin.
 */
@Module
public abstract class ThumbprintModule {
  @Provides
  @Named(SharedModule.FUNCTION)
  static String function() {
    return ThumbprintRotator.NAME;
  }

  @Provides
  static Pipeline<?> pipeline(Pipeline<AccountView> pipeline) {
    return pipeline;
  }

  @Binds
  abstract Controller<AccountView> controller(ThumbprintRotator controller);

  @Binds
  @IntoMap
  @ClassKey(UpdateThumbprints.class)
  abstract Executor<?> updateThumbprints(UpdateThumbprintsExecutor executor);

  @Binds
  @IntoMap
  @ClassKey(CreateProvider.class)
  abstract Executor<?> createProvider(CreateProviderExecutor executor);

  /** Absent in production; the tests' components bind one (see {@link IssuerRoute}). */
  @BindsOptionalOf
  abstract IssuerRoute issuerRoute();
}
