package dev.ekssteward.thumbprint;

import dagger.Binds;
import dagger.BindsOptionalOf;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.thumbprint.apply.CreateProviderExecutor;
import dev.ekssteward.thumbprint.apply.UpdateThumbprintsExecutor;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.tls.IssuerRoute;
import dev.ekssteward.thumbprint.tls.PublicRoots;
import java.util.Set;

/**
 * Binds oidc-thumbprint-rotator's controller and executors into the shared pipeline. The ports come
 * from {@link ThumbprintAwsModule} in production and from fakes in the tests' twin.
 */
@Module
public abstract class ThumbprintModule {
  @Binds
  abstract Controller<AccountView> controller(ThumbprintRotator controller);

  /** Absent in production; the tests' components bind one (see {@link IssuerRoute}). */
  @BindsOptionalOf
  abstract IssuerRoute issuerRoute();

  /** Absent in production (the JDK's roots); tests stand a CA of their own in for a public one. */
  @BindsOptionalOf
  abstract PublicRoots publicRoots();

  /** One executor per action type. */
  @Provides
  @ElementsIntoSet
  static Set<Executor<?>> executors(
      UpdateThumbprintsExecutor update, CreateProviderExecutor create) {
    return Set.of(update, create);
  }
}
