package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.apply.Executor;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.inject.Inject;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The executors of one function, by the action class each carries out, and the one way their
 * answers become outcomes: done is applied (with its audit events), unchanged and not found are
 * no-ops, busy is deferred to a later pass, refused failed. A failure worth retrying (left after
 * the SDK's retries) fails the action and is handed on, so the invocation fails at the end and
 * Lambda retries it; the scope's other actions still run.
 */
public final class ActionExecutors {
  private final Map<Class<?>, Executor<?>> byAction = new HashMap<>();

  @Inject
  public ActionExecutors(Set<Executor<?>> executors) {
    for (Executor<?> e : executors) {
      if (byAction.put(e.type(), e) != null) {
        throw new IllegalStateException("two executors for " + e.type().getName());
      }
    }
  }

  /** The executors by the action type each carries out. */
  public Map<Class<?>, Executor<?>> all() {
    return Map.copyOf(byAction);
  }

  /** Carries out one mutating action; a failure worth retrying also goes to {@code retryLater}. */
  public Outcome apply(Target target, Action action, Consumer<RuntimeException> retryLater) {
    @SuppressWarnings("unchecked")
    Executor<Action> executor = (Executor<Action>) byAction.get(action.getClass());
    if (executor == null) {
      throw new IllegalStateException("no executor for " + action.getClass().getName());
    }
    Result result;
    try {
      result = executor.execute(target, action);
    } catch (SdkException e) {
      if (!Retry.isRetryable(e)) {
        return Outcome.failed(action, Retry.describe(e));
      }
      retryLater.accept(e);
      return Outcome.failed(
          action,
          "still failing after "
              + Retry.MAX_ATTEMPTS
              + " attempts; the invocation is retried: "
              + Retry.describe(e));
    }
    return outcome(action, result);
  }

  static Outcome outcome(Action action, Result result) {
    if (result instanceof Result.Done d) {
      return new Outcome(action, Outcome.Status.APPLIED, d.note(), d.events());
    }
    if (result instanceof Result.Unchanged u) {
      return Outcome.noop(action, u.why());
    }
    if (result instanceof Result.NotFound n) {
      return Outcome.noop(action, "gone: " + n.message());
    }
    if (result instanceof Result.Busy b) {
      return new Outcome(
          action,
          Outcome.Status.DEFERRED,
          "busy (409): " + b.message() + "; a later pass retries",
          java.util.List.of());
    }
    return Outcome.failed(action, ((Result.Refused) result).message());
  }
}
