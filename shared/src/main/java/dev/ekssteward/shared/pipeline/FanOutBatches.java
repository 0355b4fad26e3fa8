package dev.ekssteward.shared.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse.BatchItemFailure;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.runtime.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * Works through a batch of fan-out messages and answers with SQS's partial batch response, {@code
 * {"batchItemFailures": [{"itemIdentifier": "<messageId>"}]}}: a message is delivered again when
 * its run met a retryable failure, when too little time is left to start it, or when it is not a
 * fan-out message (so after the queue's maxReceiveCount it lands in the dead-letter queue).
 */
final class FanOutBatches {
  private FanOutBatches() {}

  static SQSBatchResponse run(
      FanOutBatch batch,
      Invocation invocation,
      long safetyMillis,
      Log log,
      BiFunction<FanOutItem, Invocation, Pipeline.Run> runItem) {
    List<BatchItemFailure> failures = new ArrayList<>();
    for (FanOutItem item : batch.items()) {
      String outcome;
      if (item.problem() != null) {
        outcome = "rejected: " + item.problem();
      } else if (invocation.remainingMillis().getAsLong() < 3 * safetyMillis) {
        outcome = "not started: too little time left";
      } else {
        Pipeline.Run run = runItem.apply(item, invocation);
        outcome =
            run.transientFailure() == null ? "done: " + run.reply().get("status") : "retryable";
      }
      if (!outcome.startsWith("done")) {
        failures.add(new BatchItemFailure(item.messageId()));
      }
      log.info("fan-out message", Map.of("messageId", item.messageId(), "outcome", outcome));
    }
    return new SQSBatchResponse(failures);
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
