package dev.ekssteward.fargate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.FanOutDrill;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The template's fan-out queue and member-account role, as fargate-profile-reconciler uses them: a
 * tick over two accounts fans out, and each message runs its own account (the member one through
 * sts:AssumeRole).
 */
class FanOutWiringIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void aTickOverTwoAccountsFansOutAndEachMessageRunsItsAccount() {
    FanOutDrill drill = FanOutDrill.create(aws);
    drill.config("");
    CallRecorder recorder = new CallRecorder("fargate-profile-reconciler");
    FargateProfileReconcilerHandler handler =
        new FargateProfileReconcilerHandler(
            DaggerFargateComponent.factory()
                .create(
                    drill.settings(false),
                    Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC),
                    d -> {},
                    List.of(recorder)));

    List<String> calls =
        drill.tickThenBatch(
            e -> handler.handleRequest(e, new TestContext("fargate-profile-reconciler")), recorder);

    assertThat(calls)
        .doesNotContainAnyElementsOf(
            List.of("eks:CreateFargateProfile", "eks:DeleteFargateProfile"));
  }
}
