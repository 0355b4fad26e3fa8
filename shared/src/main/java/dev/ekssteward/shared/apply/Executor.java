package dev.ekssteward.shared.apply;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Action;
import java.util.List;

/**
 * Carries out one type of action through the function's port. One executor per action type is
 * registered with Dagger (a set multibinding, {@code @ElementsIntoSet}); the pipeline picks it by
 * the action's class and turns its {@link Result} into the outcome and audit events, the same way
 * for every function. Most extend {@link PortExecutor}.
 */
public interface Executor<A extends Action> {
  /** The action type it carries out. */
  Class<A> type();

  /** The IAM grants this executor's calls need; the template must grant exactly these. */
  List<Permission> permissions();

  /**
   * Carries out {@code action} in {@code target}, idempotently. Throws only what is worth retrying
   * (after the SDK's own retries) and programming errors.
   */
  Result execute(Target target, A action);
}
