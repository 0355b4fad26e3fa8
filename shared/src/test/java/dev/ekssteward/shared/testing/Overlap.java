package dev.ekssteward.shared.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Two (or more) invocations at the same moment against the same fleet, as an overlapping manual
 * invoke would do despite reserved concurrency: every task waits at a barrier, then all start.
 */
public final class Overlap {
  /** One invocation's result or what it threw. */
  public record Outcome<T>(T value, Throwable error) {
    public boolean failed() {
      return error != null;
    }
  }

  private Overlap() {}

  @SafeVarargs
  public static <T> List<Outcome<T>> together(Callable<T>... tasks) throws InterruptedException {
    CyclicBarrier start = new CyclicBarrier(tasks.length);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.length);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return task.call();
                }));
      }
      List<Outcome<T>> out = new ArrayList<>();
      for (Future<T> f : futures) {
        try {
          out.add(new Outcome<>(f.get(120, TimeUnit.SECONDS), null));
        } catch (java.util.concurrent.ExecutionException e) {
          out.add(new Outcome<>(null, e.getCause()));
        } catch (java.util.concurrent.TimeoutException e) {
          out.add(new Outcome<>(null, e));
        }
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
