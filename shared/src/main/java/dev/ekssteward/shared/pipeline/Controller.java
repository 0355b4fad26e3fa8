package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Routing;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One function's logic, run by {@link Pipeline}: what it is and reacts to, how it observes a scope
 * and what it plans. Applying is the executors' job ({@link dev.ekssteward.shared.apply.Executor}).
 *
 * @param <S> the observed state of one scope, in the function's own records (no SDK types)
 */
public interface Controller<S> {
  /** Its name, triggers and concurrency. */
  Declaration declaration();

  /** The function's name in reports, metrics and audit events ({@code nodegroup-scheduler}). */
  default String name() {
    return declaration().name();
  }

  /**
   * Warms up the services only this function uses ({@code AwsClients.warmUp}) before SnapStart's
   * snapshot; must not call AWS.
   */
  default void prime() {}

  /** Every cluster of a target (a sweep); not asked of functions that work per account. */
  default List<String> clusters(Target target) {
    throw new UnsupportedOperationException(name() + " works per account, not per cluster");
  }

  /** Reads the current state of one scope. */
  S observe(Scope scope, StewardConfig config);

  /**
   * Pure: what should be done, given what is. {@code earlier} holds the outcomes of this scope's
   * earlier passes in the same invocation (empty on the first).
   */
  Plan plan(Scope scope, S observed, StewardConfig config, Instant now, List<Outcome> earlier);

  /**
   * The ledger of one run ({@link RunLedger}): {@code go} is where the trigger leads, {@code
   * configured} every target the config selects, {@code wholeRun} false for one fan-out message's
   * share of a tick. It may read AWS; when it throws, the run changes nothing.
   */
  default RunLedger<S> ledger(
      StewardConfig config, Routing.Go go, List<Target> configured, boolean wholeRun) {
    return RunLedger.none();
  }

  /**
   * One run-wide finding built after every scope of a sweep ran (a compliance summary across
   * clusters), or null. {@code metrics} are the run's metrics so far. Not asked of a tick that sent
   * every target to the fan-out queue.
   */
  default Finding summary(StewardConfig config, Map<String, Double> metrics) {
    return null;
  }
}
