package dev.ekssteward.tagging;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.FanOutWiringContract;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class FanOutWiringIT extends FanOutWiringContract {
  FanOutWiringIT() {
    super("tag-enforcer", List.of("eks:TagResource"));
  }

  @Override
  protected StewardHandler handler(
      Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
    return new TagEnforcerHandler(
        DaggerTaggingComponent.factory()
            .create(TagEnforcer.NAME, settings, clock, Waits.none(), interceptors));
  }
}
