package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.FanOutWiringContract;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class FanOutWiringIT extends FanOutWiringContract {
  FanOutWiringIT() {
    super("oidc-thumbprint-rotator", List.of("iam:UpdateOpenIDConnectProviderThumbprint"));
  }

  @Override
  protected StewardHandler handler(
      Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
    return new ThumbprintRotatorHandler(
        DaggerThumbprintComponent.factory()
            .create(ThumbprintRotator.NAME, settings, clock, Waits.none(), interceptors));
  }
}
