package dev.ekssteward.shared.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * One function's fleet against moto, as its reliability tests see it: how to seed it, how to
 * deliver an event to a fresh handler, how to read the state that must converge and which safety
 * rules must hold. The crash matrix, the delivery orders and the overlap tests are built from it,
 * so a function states each of these once.
 *
 * @param function the function's name (scenario and call-recorder names)
 * @param seed puts the fleet and its config into moto (just reset)
 * @param handler delivers one event to a fresh handler built with these interceptors
 * @param state reads the state that must converge, compared with equals
 * @param invariants throws AssertionError when a safety rule is broken
 */
public record FleetFixture<S>(
    String function, Seed seed, Handler handler, State<S> state, Consumer<S> invariants) {

  /** Seeds moto. */
  @FunctionalInterface
  public interface Seed {
    void seed() throws Exception;
  }

  /** Runs one event through a fresh handler. */
  @FunctionalInterface
  public interface Handler {
    Map<String, Object> deliver(Map<String, Object> event, List<ExecutionInterceptor> interceptors);
  }

  /** What follows the events of a delivery order, such as the next sweep. */
  @FunctionalInterface
  public interface Afterwards {
    void run(List<ExecutionInterceptor> interceptors) throws Exception;
  }

  /** Reads the state. */
  @FunctionalInterface
  public interface State<S> {
    S read() throws Exception;
  }

  /** A fleet with no safety rule beyond converging. */
  public FleetFixture(String function, Seed seed, Handler handler, State<S> state) {
    this(function, seed, handler, state, s -> {});
  }

  /** The crash-matrix scenario named after the function, running these invocations in order. */
  public CrashMatrix.Scenario<S> scenario(List<CrashMatrix.Step> steps) {
    FleetFixture<S> fleet = this;
    return new CrashMatrix.Scenario<>() {
      public String name() {
        return fleet.function();
      }

      public void seed() throws Exception {
        fleet.seed().seed();
      }

      public List<CrashMatrix.Step> steps() {
        return steps;
      }

      public S state() throws Exception {
        return fleet.state().read();
      }

      public void invariants(S state) {
        fleet.invariants().accept(state);
      }
    };
  }

  /** The scenario that delivers these events in order, one invocation each. */
  @SafeVarargs
  public final CrashMatrix.Scenario<S> scenario(Map<String, Object>... events) {
    List<CrashMatrix.Step> steps = new ArrayList<>();
    for (Map<String, Object> event : events) {
      steps.add(i -> handler.deliver(event, i));
    }
    return scenario(steps);
  }

  /** The same fleet for {@link Deliveries}. */
  public Deliveries.Fleet<S> deliveries() {
    return deliveries((interceptors) -> {});
  }

  /** The same fleet for {@link Deliveries}, with what follows the events (the next sweep). */
  public Deliveries.Fleet<S> deliveries(Afterwards afterwards) {
    FleetFixture<S> fleet = this;
    return new Deliveries.Fleet<>() {
      public void afterwards(List<ExecutionInterceptor> interceptors) throws Exception {
        afterwards.run(interceptors);
      }

      public void seed() throws Exception {
        fleet.seed().seed();
      }

      public Map<String, Object> deliver(
          Map<String, Object> event, List<ExecutionInterceptor> interceptors) {
        return fleet.handler().deliver(event, interceptors);
      }

      public S state() throws Exception {
        return fleet.state().read();
      }
    };
  }

  /**
   * The reference for an overlap test: seeds, runs {@code run} alone and reads the state it leaves;
   * then resets moto and seeds again, ready for the runs that overlap.
   */
  public S stateAfterOneRun(LocalAws aws, CrashMatrix.Step run) throws Exception {
    seed.seed();
    run.run(List.of());
    S once = state.read();
    aws.reset();
    seed.seed();
    return once;
  }
}
