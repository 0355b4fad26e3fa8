package dev.ekssteward.shared.pipeline;

import java.util.List;

/**
 * What a controller keeps across the scopes of one run rather than in any one of them (the node
 * group scheduler's pause and its index of where size records stand). The pipeline asks the
 * controller for one per run that reaches its scopes ({@link Controller#ledger}); most functions
 * keep none. Its changes are actions like any other: planned, reported, and applied by their
 * executors unless dry-run. Scope hooks are called from the scopes' threads.
 *
 * @param <S> the controller's observed state of one scope
 */
public interface RunLedger<S> {
  /** Changes of the run itself, applied before any scope runs. */
  default List<Action> opening() {
    return List.of();
  }

  /** Scopes to visit besides {@code routed}, the ones the trigger's routing gave. */
  default List<Scope> moreScopes(List<Scope> routed) {
    return List.of();
  }

  /**
   * What {@code scope} observed, before it is planned on; the answer is what gets planned on (a
   * ledger may add what only it knows).
   */
  default S observed(Scope scope, S state) {
    return state;
  }

  /** What {@code scope} planned; the answer is what it goes on with. */
  default Plan planned(Scope scope, Plan plan) {
    return plan;
  }

  /** Changes of the run itself, applied after every scope ran. */
  default List<Action> closing() {
    return List.of();
  }

  /**
   * Scopes to run once more after the closing changes ({@code closed}, their outcomes; none in
   * dry-run): ones that held changes back until those were made. Their own closing follows.
   */
  default List<Scope> again(List<Outcome> closed) {
    return List.of();
  }

  /** A ledger that keeps nothing. */
  static <S> RunLedger<S> none() {
    return new RunLedger<>() {};
  }
}
