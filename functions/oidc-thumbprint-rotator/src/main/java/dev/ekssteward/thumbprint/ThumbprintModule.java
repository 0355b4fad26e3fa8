package dev.ekssteward.thumbprint;

import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Pipeline;
import dev.ekssteward.shared.runtime.SharedModule;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.tls.IssuerRoute;
import javax.inject.Named;

/** Binds oidc-thumbprint-rotator's controller into the shared pipeline. */
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

  @Provides
  static Controller<AccountView> controller(ThumbprintRotator controller) {
    return controller;
  }

  /** Absent in production; the tests' component binds one (see {@link IssuerRoute}). */
  @BindsOptionalOf
  abstract IssuerRoute issuerRoute();
}
