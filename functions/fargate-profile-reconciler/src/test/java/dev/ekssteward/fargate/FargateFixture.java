package dev.ekssteward.fargate;

import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The reconciler's handler as the moto tests build it: the production component, waiting between
 * passes only until moto's transitions are over (not the 5-30 s it waits on AWS).
 */
final class FargateFixture {
  private FargateFixture() {}

  static FargateProfileReconcilerHandler handler(
      LocalAws aws, boolean dryRun, Clock clock, List<ExecutionInterceptor> with) {
    RecordKeys.ensure(aws); // the stack's key, which signs and verifies the managed mark
    return new FargateProfileReconcilerHandler(
        DaggerFargateComponent.factory()
            .create(FargateProfileReconciler.NAME, aws.settings(dryRun), clock, aws.waits(), with));
  }
}
