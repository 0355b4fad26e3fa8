package dev.ekssteward.fargate;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.FanOutWiringContract;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class FanOutWiringIT extends FanOutWiringContract {
  FanOutWiringIT() {
    super(
        "fargate-profile-reconciler",
        List.of("eks:CreateFargateProfile", "eks:DeleteFargateProfile"));
  }

  @Override
  protected StewardHandler handler(
      Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
    return new FargateProfileReconcilerHandler(
        DaggerFargateComponent.factory()
            .create(FargateProfileReconciler.NAME, settings, clock, Waits.none(), interceptors));
  }
}
