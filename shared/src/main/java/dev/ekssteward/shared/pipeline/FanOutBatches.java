package dev.ekssteward.shared.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.runtime.Log;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Works through a batch of queued messages and answers with SQS's partial batch response, {@code
 * {"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}}: a message is delivered again when
 * its run met a retryable failure, when too little time is left to start it, or when it is not one
 * of ours (so after the queue's maxReceiveCount it lands in the dead-letter queue).
 *
 * <p>Of several messages about the same thing (one target's ticks piled up in its FIFO group, or a
 * look delivered twice) only the last runs: every run observes first, so the earlier ones would
 * only repeat it. The messages left run at once, each on its own thread: a FIFO batch may hold
 * several targets' messages ("Configuring scaling behavior for SQS event source mappings"), and one
 * after the other they could outlast the invocation.
 */
final class FanOutBatches {
  private FanOutBatches() {}

  static SQSBatchResponse run(
      FanOutBatch batch,
      Invocation invocation,
      long safetyMillis,
      Log log,
      BiFunction<FanOutItem, Invocation, Pipeline.Run> runItem) {
    List<FanOutItem> items = batch.items();
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).problem() == null) {
        last.put(items.get(i).key(), i);
      }
    }
    String[] outcomes = new String[items.size()];
    List<Integer> runs = new ArrayList<>();
    boolean timeLeft = invocation.remainingMillis().getAsLong() >= 3 * safetyMillis;
    for (int i = 0; i < items.size(); i++) {
      FanOutItem item = items.get(i);
      if (item.problem() != null) {
        outcomes[i] = "rejected: " + item.problem();
      } else if (last.get(item.key()) != i) {
        outcomes[i] = "superseded by " + items.get(last.get(item.key())).messageId();
      } else if (!timeLeft) {
        outcomes[i] = "not started: too little time left";
      } else {
        runs.add(i);
      }
    }
    List<String> done = runAll(runs.stream().map(items::get).toList(), invocation, runItem);
    for (int r = 0; r < runs.size(); r++) {
      outcomes[runs.get(r)] = done.get(r);
    }
    List<BatchItemFailure> failures = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String outcome = outcomes[i];
      if (!outcome.startsWith("done") && !outcome.startsWith("superseded")) {
        failures.add(new BatchItemFailure(items.get(i).messageId()));
      }
      log.info("queued message", Map.of("messageId", items.get(i).messageId(), "outcome", outcome));
    }
    return new SQSBatchResponse(failures);
  }

  /** Each item's outcome, in order; the items run in parallel. */
  private static List<String> runAll(
      List<FanOutItem> items,
      Invocation invocation,
      BiFunction<FanOutItem, Invocation, Pipeline.Run> runItem) {
    if (items.size() <= 1) {
      return items.stream().map(i -> outcome(runItem.apply(i, invocation))).toList();
    }
    ExecutorService pool = Executors.newFixedThreadPool(items.size());
    try {
      List<Future<Pipeline.Run>> futures = new ArrayList<>();
      for (FanOutItem item : items) {
        futures.add(pool.submit(() -> runItem.apply(item, invocation)));
      }
      List<String> out = new ArrayList<>();
      for (Future<Pipeline.Run> f : futures) {
        try {
          out.add(outcome(f.get()));
        } catch (ExecutionException e) {
          // A bug in one run: its message goes back (and to the dead-letter queue in the end).
          out.add("failed: " + e.getCause());
        }
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static String outcome(Pipeline.Run run) {
    return run.transientFailure() == null ? "done: " + run.reply().get("status") : "retryable";
  }

  /** SQS's partial batch response as the JSON Lambda expects. */
  static Map<String, Object> json(SQSBatchResponse response) {
    return Map.of(
        "batchItemFailures",
        response.getBatchItemFailures().stream()
            .map(f -> Map.of("itemIdentifier", f.getItemIdentifier()))
            .toList());
  }

  /** The targets a message names: same region, same account (null = the function's own). */
  static List<Target> matching(List<Target> targets, FanOutItem item) {
    return targets.stream()
        .filter(t -> t.region().equals(item.region()))
        .filter(t -> Objects.equals(t.accountId(), item.account()))
        .toList();
  }
}
