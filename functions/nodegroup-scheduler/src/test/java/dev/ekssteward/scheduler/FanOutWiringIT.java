package dev.ekssteward.scheduler;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.StewardHandler;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.FanOutWiringContract;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

class FanOutWiringIT extends FanOutWiringContract {
  FanOutWiringIT() {
    // The tick reads the scheduler's pause and record index: clusters that left the config while
    // holding records are visited by the tick itself, not by the messages.
    super(
        "nodegroup-scheduler",
        List.of("eks:UpdateNodegroupConfig", "eks:TagResource", "ssm:PutParameter"),
        List.of("ssm:GetParametersByPath"));
  }

  @Override
  protected StewardHandler handler(
      Settings settings, Clock clock, List<ExecutionInterceptor> interceptors) {
    return new NodegroupSchedulerHandler(
        DaggerSchedulerComponent.factory()
            .create(NodegroupScheduler.NAME, settings, clock, Waits.none(), interceptors));
  }
}
