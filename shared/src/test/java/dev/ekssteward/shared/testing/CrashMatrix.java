package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.testing.AuditTrail.Delivered;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Crash at every call: runs a scenario fault-free to learn its calls C, its final state and its
 * audit trail; then for every N in 1..C and every fault kind resets moto, seeds, runs the scenario
 * with the invocation dying at call N ({@link FaultInjector#crashAt}), runs the step that crashed
 * again without fault, finishes the remaining steps, and checks that
 *
 * <ul>
 *   <li>the final state equals the fault-free one,
 *   <li>the scenario's invariants hold after every step, the crashed one included,
 *   <li>every change was audited exactly once: the change events of the crashed run plus the re-run
 *       equal the fault-free ones as a multiset; for {@link Kind#ambiguous} faults (the request was
 *       carried out but its answer lost) a change may go unaudited, never twice.
 * </ul>
 *
 * The number of (scenario, N, kind) combinations is written to {@code
 * target/reliability/<scenario>.txt} for docs/reliability.md.
 */
public final class CrashMatrix {
  /** A function's main scenario against moto. */
  public interface Scenario<S> {
    String name();

    /** Puts the fleet and config into moto (moto was just reset; the audit bus exists). */
    void seed() throws Exception;

    /** The invocations, in order (evening, night, morning ...). */
    List<Step> steps();

    /** The state that must converge, read from moto; compared with equals. */
    S state() throws Exception;

    /** Throws AssertionError when a safety rule is broken; checked after every step. */
    default void invariants(S state) {}

    /** Which audit events record changes (default: all but findings of the fault-free run). */
    default boolean isChange(Delivered event, Set<String> findingTypes) {
      return !findingTypes.contains(event.detailType())
          && !event.detailType().equals("Config Invalid");
    }

    /** What identifies one change's audit event (ARNs without moto's per-run UUIDs). */
    default Object changeKey(Delivered event) {
      return ChangeKeys.key(event);
    }
  }

  /**
   * One invocation: builds a fresh handler with these interceptors (the fault injector and the
   * {@link AuditTap} that counts audit events) and runs it.
   */
  public interface Step {
    Map<String, Object> run(List<ExecutionInterceptor> interceptors);
  }

  /** The outcome: combinations exercised and one line per broken combination. */
  public record Result(String scenario, int calls, int combinations, List<String> failures) {
    public void assertPassed() {
      if (!failures.isEmpty()) {
        throw new AssertionError(
            scenario
                + ": "
                + failures.size()
                + " of "
                + combinations
                + " fault combinations broke a guarantee:\n  "
                + String.join("\n  ", failures.subList(0, Math.min(20, failures.size()))));
      }
    }
  }

  private final LocalAws aws;
  private final List<Kind> kinds;
  private IntFunction<List<Kind>> kindsForCall;
  private int maxCalls = Integer.MAX_VALUE;
  private boolean mutationsOnly;

  public CrashMatrix(LocalAws aws, List<Kind> kinds) {
    this.aws = aws;
    this.kinds = List.copyOf(kinds);
    this.kindsForCall = n -> this.kinds;
  }

  /** The crash kinds most worth covering: 500, lost answer, throttle, EKS request limit. */
  public static List<Kind> standardKinds() {
    return List.of(Kind.SERVER_ERROR, Kind.TIMEOUT, Kind.THROTTLE, Kind.REQUEST_LIMIT);
  }

  /**
   * Blip kinds: the SDK retries 500s and timeouts itself, the function must retry EKS's request
   * limit. Throttles are left to the burst test: the SDK waits up to a second before retrying one.
   */
  public static List<Kind> blipKinds() {
    return List.of(Kind.SERVER_ERROR, Kind.TIMEOUT, Kind.REQUEST_LIMIT);
  }

  /**
   * Budget: one kind per N, rotating, so every N and every kind are covered. {@code
   * -Dreliability.full=true} turns this off and runs every kind at every N.
   */
  public CrashMatrix rotatingKinds() {
    if (!Boolean.getBoolean("reliability.full")) {
      this.kindsForCall = n -> List.of(kinds.get((n - 1) % kinds.size()));
    }
    return this;
  }

  /** Budget: crash only at the first {@code max} calls. */
  public CrashMatrix upToCall(int max) {
    this.maxCalls = max;
    return this;
  }

  /** Number only mutating calls (reads between them still fail once crashed). */
  public CrashMatrix mutationsOnly() {
    this.mutationsOnly = true;
    return this;
  }

  /** What the fault-free run left: the state, the changes audited, the calls made. */
  private record Baseline<S>(
      S state, Map<Object, Integer> changes, Set<String> findingTypes, List<String> calls) {}

  private <S> Baseline<S> baseline(Scenario<S> scenario) throws Exception {
    AuditTap trail = fresh(scenario);
    FaultInjector counter = FaultInjector.counting();
    if (mutationsOnly) {
      counter.mutationsOnly();
    }
    List<Map<String, Object>> reports = new ArrayList<>();
    for (Step step : scenario.steps()) {
      reports.add(step.run(List.of(counter, trail)));
      scenario.invariants(scenario.state());
    }
    Set<String> findingTypes = ChangeKeys.findingTypes(reports);
    return new Baseline<>(
        scenario.state(),
        changes(scenario, trail.drain(), findingTypes),
        findingTypes,
        counter.counted());
  }

  /** Crash at every call N (and kind), then re-run without fault: see the class comment. */
  public <S> Result run(Scenario<S> scenario) throws Exception {
    Baseline<S> base = baseline(scenario);
    String name = scenario.name() + (mutationsOnly ? "-mutations" : "");
    return matrix(scenario, name, "crash", base, (n, kind) -> crashOnce(scenario, n, kind, base));
  }

  /**
   * A transient blip at every call N: only the first attempt of call N fails, inside the SDK's
   * attempt loop. The SDK's retry must absorb it: one run, no error reported, nothing thrown, the
   * fault-free state and exactly the fault-free audit trail (a TIMEOUT resends a request the
   * service already carried out, so every mutating call must be safe to repeat and answer as the
   * first did).
   */
  public <S> Result blips(Scenario<S> scenario) throws Exception {
    Baseline<S> base = baseline(scenario);
    return matrix(
        scenario,
        scenario.name() + "-blips" + (mutationsOnly ? "-mutations" : ""),
        "blip",
        base,
        (n, kind) -> blipOnce(scenario, n, kind, base));
  }

  private interface Combination {
    String check(int n, Kind kind) throws Exception;
  }

  private <S> Result matrix(
      Scenario<S> scenario, String name, String what, Baseline<S> base, Combination combination)
      throws IOException {
    int calls = base.calls().size();
    List<String> failures = new ArrayList<>();
    int combinations = 0;
    for (int n = 1; n <= Math.min(calls, maxCalls); n++) {
      for (Kind kind : kindsForCall.apply(n)) {
        combinations++;
        String where = what + " at call " + n + " " + base.calls().get(n - 1) + " (" + kind + ")";
        try {
          String broken = combination.check(n, kind);
          if (broken != null) {
            failures.add(where + ": " + broken);
          }
        } catch (AssertionError | Exception e) {
          failures.add(where + ": " + e);
        }
      }
    }
    Result result = new Result(name, calls, combinations, failures);
    MatrixFile.write(
        result,
        base.calls(),
        mutationsOnly,
        maxCalls,
        kinds,
        kindsForCall.apply(1).size() < kinds.size());
    return result;
  }

  private <S> String blipOnce(Scenario<S> scenario, int n, Kind kind, Baseline<S> base)
      throws Exception {
    AuditTap trail = fresh(scenario);
    FaultInjector fault = FaultInjector.blipAt(n, kind);
    if (mutationsOnly) {
      fault.mutationsOnly();
    }
    for (Step step : scenario.steps()) {
      Map<String, Object> report = step.run(List.of(fault, trail));
      Object errors = report.get("errors");
      if (errors instanceof List<?> l && !l.isEmpty()) {
        return "a retried blip was reported as an error: " + l;
      }
      scenario.invariants(scenario.state());
    }
    if (fault.faulted().isEmpty()) {
      return "the injected blip never fired: the run made fewer calls than the fault-free one";
    }
    return compare(scenario, base, trail, false);
  }

  private <S> String crashOnce(Scenario<S> scenario, int n, Kind kind, Baseline<S> base)
      throws Exception {
    AuditTap trail = fresh(scenario);
    FaultInjector fault = FaultInjector.crashAt(n, kind);
    if (mutationsOnly) {
      fault.mutationsOnly();
    }
    boolean crashed = false;
    for (Step step : scenario.steps()) {
      if (!crashed) {
        try {
          step.run(List.of(fault, trail));
        } catch (RuntimeException e) {
          // A crashed invocation may throw; the re-run below must repair what it left.
        }
        scenario.invariants(scenario.state());
        crashed = !fault.faulted().isEmpty();
        if (!crashed) {
          continue;
        }
      }
      step.run(List.of(trail));
      scenario.invariants(scenario.state());
    }
    if (!crashed) {
      return "the injected crash never fired: the run made fewer calls than the fault-free one";
    }
    return compare(scenario, base, trail, kind.ambiguous());
  }

  /**
   * Null when the state and the audit trail are the fault-free ones. {@code mayMissChanges}: a run
   * that died after its answer was lost may leave that change unaudited (the re-run finds it done),
   * never audited twice. A blip may not: the SDK resends the same request in the same run, and AWS
   * answers a repeated mutation as it answered the first (idempotency tokens, idempotent writes).
   */
  private <S> String compare(
      Scenario<S> scenario, Baseline<S> base, AuditTap trail, boolean mayMissChanges)
      throws Exception {
    S actual = scenario.state();
    if (!Objects.equals(actual, base.state())) {
      return "final state differs:\n    expected " + base.state() + "\n    actual   " + actual;
    }
    Map<Object, Integer> expectedChanges = base.changes();
    Map<Object, Integer> audited = changes(scenario, trail.drain(), base.findingTypes());
    if (audited.equals(expectedChanges)) {
      return null;
    }
    for (Map.Entry<Object, Integer> e : audited.entrySet()) {
      if (e.getValue() > expectedChanges.getOrDefault(e.getKey(), 0)) {
        return "change audited more often than in the fault-free run: "
            + e.getKey()
            + " x"
            + e.getValue();
      }
    }
    if (mayMissChanges) {
      return null; // the change whose answer was lost went unaudited; never twice
    }
    return "audit trail differs:\n    expected " + expectedChanges + "\n    actual   " + audited;
  }

  private <S> AuditTap fresh(Scenario<S> scenario) throws Exception {
    aws.reset();
    scenario.seed();
    AuditTap.createBus(aws);
    return new AuditTap();
  }

  private static <S> Map<Object, Integer> changes(
      Scenario<S> scenario, List<Delivered> events, Set<String> findingTypes) {
    Map<Object, Integer> out = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
    for (Delivered d : events) {
      if (scenario.isChange(d, findingTypes)) {
        out.merge(scenario.changeKey(d), 1, Integer::sum);
      }
    }
    return new HashMap<>(out);
  }
}
