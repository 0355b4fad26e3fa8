package dev.ekssteward.shared.pipeline;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.Trigger.FanOutItem;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.runtime.Log;
import java.util.List;

/**
 * Where the queues meet the pipeline. A batch of fan-out messages runs message by message, each as
 * the tick's work on its own target only, and a recheck message as the deferred look it carries; a
 * tick that fans out keeps only the targets it could not send. Without a {@link FanOut} (null)
 * every tick runs all its targets itself.
 */
final class FanOutRouting {
  /** One message's run: the tick it stands for, restricted to the message's target. */
  interface ItemRun {
    Pipeline.Run run(Trigger trigger, FanOutItem only, Invocation invocation);
  }

  private final FanOut fanOut;
  private final Log log;

  FanOutRouting(FanOut fanOut, Log log) {
    this.fanOut = fanOut;
    this.log = log;
  }

  /** The partial batch response to a batch of fan-out messages. */
  SQSBatchResponse runBatch(
      FanOutBatch batch, Invocation invocation, long safetyMillis, ItemRun items) {
    return FanOutBatches.run(
        batch,
        invocation,
        safetyMillis,
        log,
        (item, inv) ->
            items.run(
                item.recheck() != null ? item.recheck() : new ScheduleTick(item.time(), "fanout"),
                item,
                inv));
  }

  /**
   * The targets this run works on: a fan-out message's own target; or, when the tick fans out, only
   * those that could not be sent (the report says so); else all of them.
   */
  List<Target> choose(
      Trigger trigger, FanOutItem only, List<Target> targets, Report report, Metrics metrics) {
    if (only != null) {
      return FanOutBatches.matching(targets, only);
    }
    if (fanOut == null || !fanOut.applies(trigger, targets)) {
      return targets;
    }
    List<Target> unsent = fanOut.send((ScheduleTick) trigger, targets);
    int sent = targets.size() - unsent.size();
    metrics.add(FanOut.METRIC, sent);
    report.status(
        "fanned-out",
        sent
            + " targets sent to the fan-out queue"
            + (unsent.isEmpty() ? "" : "; " + unsent.size() + " could not be sent, run here"));
    return unsent;
  }
}
