package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.event.Deliveries;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.pipeline.Outcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A wake request delivered again minutes later (a Lambda retry) keeps the group up until the same
 * time and is not audited twice; a group named twice is woken once. Parsed as delivered, then
 * through the real controller and executors.
 */
class WakeRetryTest {
  static final Instant SENT = Instant.parse("2026-11-25T21:00:00Z");

  @Test
  void aRetriedDeliveryKeepsTheSameEndAndNamesEachGroupOnce() {
    FakeTicks t = ConvergenceTest.fleet();
    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    t.eks.settle();
    Trigger wake =
        Deliveries.read(
            Json.parseObject(
                """
                {"detail-type": "Wake Request", "source": "eks-steward.requests",
                 "account": "123456789012", "region": "eu-west-1",
                 "time": "2026-11-25T21:00:00Z",
                 "detail": {"cluster": "dev-1", "nodegroups": ["web", "web"], "minutes": 60}}
                """));

    List<Outcome> first = t.run(wake, SENT.plusSeconds(30));
    t.eks.settle();
    List<Outcome> retry = t.run(wake, SENT.plusSeconds(360));

    assertThat(FakeTicks.audited(first, "Nodegroup Kept Up")).isEqualTo(1);
    assertThat(FakeTicks.audited(retry, "Nodegroup Kept Up")).isZero();
    assertThat(t.eks.tags("dev-1", "web"))
        .containsEntry(Contract.KEEP_UP_UNTIL_TAG, "2026-11-25T22:00:00Z");
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
  }
}
