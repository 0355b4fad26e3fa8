package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The hostile-input properties every function's handler must keep, run with {@link HostileInput}'s
 * seeded generators (2 s per input at most).
 */
public final class HostileRuns {
  private HostileRuns() {}

  /**
   * 200 hostile events: every one gets a report ({@code ignored}, {@code ok} or {@code partial})
   * and no mutating call; both the parser's rejections and the controller's paths are reached.
   */
  public static void eventsChangeNothing(
      FleetFixture<?> fleet, List<Map<String, Object>> samples, long seed) {
    List<Object> statuses = new ArrayList<>();

    HostileInput.check(
        HostileInput.events(samples),
        200,
        seed,
        5000,
        event -> {
          CallRecorder calls = new CallRecorder(fleet.function() + "-fuzz");
          Map<String, Object> report = fleet.handler().deliver(event, List.of(calls));
          statuses.add(report.get("status"));
          assertThat(report.get("status")).isIn("ignored", "ok", "partial");
          assertThat(calls.mutations()).isEmpty();
        });
    assertThat(statuses).contains("ignored", "ok");
  }

  /** What to do with one hostile document (config or desired state). */
  public record Documents(
      Consumer<String> put,
      CrashMatrix.Step run,
      Predicate<Map<String, Object>> rejected,
      Consumer<Map<String, Object>> whenRejected,
      Runnable whenAccepted) {}

  /**
   * 100 hostile variants of {@code valid}: each is put in place and a run follows. A rejected one
   * made no mutating call and passes {@code whenRejected} (its report); after one that was still
   * valid {@code whenAccepted} may put the fleet back. Returns, per document, whether it was
   * rejected.
   */
  public static List<Boolean> documents(
      String function, Map<String, Object> valid, long seed, Documents each) {
    List<Boolean> rejected = new ArrayList<>();

    HostileInput.check(
        HostileInput.documents(valid),
        100,
        seed,
        5000,
        doc -> {
          each.put().accept(doc);
          CallRecorder calls = new CallRecorder(function + "-fuzz");
          Map<String, Object> report = each.run().run(List.of(calls));
          boolean refused = each.rejected().test(report);
          rejected.add(refused);
          if (refused) {
            assertThat(calls.mutations()).isEmpty();
            each.whenRejected().accept(report);
          } else {
            each.whenAccepted().run();
          }
        });
    return rejected;
  }

  /** A report whose status is {@code invalid-config}. */
  public static boolean invalidConfig(Map<String, Object> report) {
    return "invalid-config".equals(report.get("status"));
  }
}
