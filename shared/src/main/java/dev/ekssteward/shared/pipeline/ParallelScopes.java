package dev.ekssteward.shared.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * One step (plan, or apply) for every scope of a run at once on the run's pool. A scope that fails
 * is handed to {@code failed} with its name and gives null, so one bad cluster never stops the
 * others.
 */
final class ParallelScopes {
  /** The step for the scope at an index. */
  interface Step<T> {
    T run(int scope) throws Exception;
  }

  private final ExecutorService pool;
  private final List<Scope> scopes;
  private final BiConsumer<String, RuntimeException> failed;

  ParallelScopes(
      ExecutorService pool, List<Scope> scopes, BiConsumer<String, RuntimeException> failed) {
    this.pool = pool;
    this.scopes = scopes;
    this.failed = failed;
  }

  /** Each scope's result, in the scopes' order (null where the step failed). */
  <T> List<T> run(Step<T> step) {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < scopes.size(); i++) {
      int scope = i;
      futures.add(pool.submit(() -> step.run(scope)));
    }
    List<T> results = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      T result = null;
      try {
        result = futures.get(i).get();
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        failed.accept(
            scopes.get(i).toString(),
            cause instanceof RuntimeException re ? re : new RuntimeException(cause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      results.add(result);
    }
    return results;
  }
}
