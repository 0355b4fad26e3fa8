package dev.ekssteward.shared.pipeline;

import static dev.ekssteward.shared.pipeline.KeeperFleet.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.testing.AuditTap;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.Deliveries;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Overlap;
import dev.ekssteward.shared.testing.TestContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** The crash and blip matrices, duplicates, reordering and overlap on the scripted keeper. */
class PipelineReliabilityIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  @Test
  void crashAtEveryCallConvergesAndAuditsEachChangeOnce() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.standardKinds()).run(scenario(true, "shared-keeper"));

    result.assertPassed();
    // 1 config read + 1 describe + 3 clusters x (2 reads + 2 writes), four kinds each
    assertThat(result.calls()).isEqualTo(14);
    assertThat(result.combinations()).isEqualTo(14 * 4);
  }

  @Test
  void aChangeMadeBeforeItsScopeFailedIsStillAudited() {
    seed();
    AuditTap.createBus(aws);
    AuditTap tap = new AuditTap();
    // The first write (some cluster's RecordOriginal) succeeds, every write after it fails.
    FaultInjector crash = FaultInjector.crashAt(2, Kind.SERVER_ERROR).mutationsOnly();

    assertThatThrownBy(() -> tick(true, List.of(crash, tap)))
        .isInstanceOf(TransientFailureException.class);

    assertThat(crash.faulted()).first().isEqualTo("#2 ssm:PutParameter SERVER_ERROR");
    assertThat(state().values()).filteredOn(v -> !v.endsWith("/null")).hasSize(1);
    assertThat(tap.drain())
        .singleElement()
        .satisfies(d -> assertThat(d.detailType()).isEqualTo("Original Recorded"));
  }

  @Test
  void aBlipAtAnyCallIsAbsorbedByTheRetriesWithinOneRun() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.blipKinds())
            .rotatingKinds()
            .blips(scenario(true, "shared-keeper"));

    result.assertPassed();
    assertThat(result.combinations()).isEqualTo(Boolean.getBoolean("reliability.full") ? 42 : 14);
  }

  @Test
  void theMatrixCatchesAControllerThatChangesBeforeRecording() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, List.of(Kind.SERVER_ERROR))
            .mutationsOnly()
            .run(scenario(false, "shared-keeper-buggy"));

    // Crashing right after a scale-down (before its record) loses that cluster's original.
    assertThat(result.failures())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f).contains("original of"));
    assertThat(result.failures())
        .anySatisfy(f -> assertThat(f).startsWith("crash at call 2 ssm:PutParameter "));
  }

  @Test
  void duplicatedAndReversedTicksEndTheSameWithoutDuplicateChanges() throws Exception {
    Deliveries.Fleet<Map<String, String>> fleet =
        new Deliveries.Fleet<>() {
          public void seed() {
            KeeperFleet.seed();
          }

          public Map<String, Object> deliver(
              Map<String, Object> event, List<ExecutionInterceptor> interceptors) {
            return keeper(true, interceptors).run(event, Invocation.from(new TestContext("k")));
          }

          public Map<String, String> state() {
            return KeeperFleet.state();
          }
        };
    Map<String, Object> direct = Map.of("trigger", "schedule");

    new Deliveries(aws).assertSameOutcome(fleet, List.of(TICK, direct));

    Deliveries.Run<Map<String, String>> once =
        new Deliveries(aws).run("once", fleet, List.of(TICK, direct));
    assertThat(once.changes()).hasSize(6).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void twoOverlappingInvocationsLoseNoOriginalAndAuditEveryChange() throws Exception {
    seed();
    AuditTrail trail = AuditTrail.create(aws);

    AuditTap tap = new AuditTap();

    List<Overlap.Outcome<Map<String, Object>>> outcomes =
        Overlap.together(() -> tick(true, List.of(tap)), () -> tick(true, List.of(tap)));

    assertThat(outcomes).noneMatch(Overlap.Outcome::failed);
    assertThat(state())
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("a", "0/3", "b", "0/5", "c", "0/2")));
    List<String> types = trail.drainTypes();
    // The fast tap the matrix uses sees exactly what the bus delivered.
    assertThat(tap.drain().stream().map(AuditTrail.Delivered::detailType).toList())
        .containsExactlyInAnyOrderElementsOf(types);
    // Each change is audited by at least one invocation, by both only when both made it.
    assertThat(types.stream().filter("Scaled Down"::equals).count()).isBetween(3L, 6L);
    assertThat(types.stream().filter("Original Recorded"::equals).count()).isBetween(3L, 6L);
  }
}
