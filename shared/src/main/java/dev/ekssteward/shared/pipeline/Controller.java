package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One function's logic, run by {@link Pipeline}: trigger → scopes → observe → plan → apply.
 *
 * @param <S> the observed state of one scope, in the function's own records (no SDK types)
 */
public interface Controller<S> {
  /** The function's name in reports, metrics and audit events ({@code nodegroup-scheduler}). */
  String name();

  /** Why this trigger is not for us (wrong event, a call we made ourselves), or null. */
  String ignoreReason(Trigger trigger, StewardConfig config);

  /** The targets a trigger concerns; by default the event's own account and region. */
  default List<Target> targets(Trigger trigger, StewardConfig config, Targets targets) {
    return targets.forTrigger(trigger, config);
  }

  /**
   * Warms up the services only this function uses ({@code AwsClients.warmUp}) before SnapStart's
   * snapshot; must not call AWS.
   */
  default void prime() {}

  /** How many scopes run at once (bounded so EKS is not flooded). */
  default int concurrency(StewardConfig config) {
    return config.scheduler().maxConcurrency();
  }

  /** The scopes to work on in one target. May read AWS (list clusters). */
  List<Scope> scopes(Trigger trigger, StewardConfig config, Target target);

  /** Reads the current state of one scope. */
  S observe(Scope scope, StewardConfig config);

  /** Pure: what should be done, given what is. */
  Plan plan(Scope scope, S observed, StewardConfig config, Instant now);

  /** Carries out one mutating action; idempotent. Throws only for failures worth retrying. */
  Outcome apply(Scope scope, Action action, StewardConfig config);

  /**
   * One run-wide finding built after every scope ran (a compliance summary across clusters), or
   * null. {@code metrics} are the run's metrics so far, summed over all scopes' plans. Not asked of
   * a tick that sent every target to the fan-out queue.
   */
  default Finding summary(Trigger trigger, StewardConfig config, Map<String, Double> metrics) {
    return null;
  }
}
