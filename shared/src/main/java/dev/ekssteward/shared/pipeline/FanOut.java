package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.FanOutMessages;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Splits a schedule tick that covers many (account, region) targets into one SQS message per
 * target, which the same function then works through with partial batch responses. Only ticks fan
 * out (events name one target already), only with {@code FANOUT_QUEUE_URL} set and at least {@code
 * FANOUT_MIN_TARGETS} targets, and never a tick that is itself a fan-out message. On a FIFO queue
 * (its name ends in {@code .fifo}) each target is its own message group and each (target, tick) its
 * own de-duplication id.
 */
public final class FanOut {
  /** The metric counting targets sent to the queue by this run. */
  public static final String METRIC = "FannedOut";

  static final int BATCH = 10;

  private final AwsClients clients;

  @Inject
  public FanOut(AwsClients clients) {
    this.clients = clients;
  }

  public boolean applies(Trigger trigger, List<Target> targets) {
    return trigger instanceof ScheduleTick
        && clients.settings().fanOutQueueUrl() != null
        && targets.size() >= clients.settings().fanOutMinTargets();
  }

  /** Sends one message per target; returns the targets that could not be sent (run them now). */
  public List<Target> send(ScheduleTick tick, List<Target> targets) {
    List<Target> unsent = new ArrayList<>();
    for (int i = 0; i < targets.size(); i += BATCH) {
      List<Target> batch = targets.subList(i, Math.min(targets.size(), i + BATCH));
      try {
        Set<String> failed = sendBatch(tick, batch);
        for (int j = 0; j < batch.size(); j++) {
          if (failed.contains(Integer.toString(j))) {
            unsent.add(batch.get(j));
          }
        }
      } catch (RuntimeException | LinkageError e) {
        // Not sent (SQS down, or a jar built without the SQS module): the tick runs them here.
        unsent.addAll(batch);
      }
    }
    return unsent;
  }

  /**
   * A target's message group: SQS hands a FIFO group's messages out one batch at a time, in order
   * ("Amazon SQS FIFO queue message group IDs"), so two runs of one target never overlap.
   */
  static String group(Target t) {
    return t.toString();
  }

  /**
   * One message per target and tick: a tick delivered or retried twice within SQS's five-minute
   * de-duplication interval sends nothing new (SendMessage, MessageDeduplicationId).
   */
  static String deduplicationId(Target t, ScheduleTick tick) {
    return t + "/" + (tick.time() == null ? "no-time" : tick.time().toString());
  }

  /** The entry ids SQS did not accept. */
  private Set<String> sendBatch(ScheduleTick tick, List<Target> batch) {
    boolean fifo = clients.settings().fanOutQueueUrl().endsWith(".fifo");
    List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
    for (int j = 0; j < batch.size(); j++) {
      Target t = batch.get(j);
      SendMessageBatchRequestEntry.Builder entry =
          SendMessageBatchRequestEntry.builder()
              .id(Integer.toString(j))
              .messageBody(FanOutMessages.body(t.accountId(), t.region(), tick.time()));
      if (fifo) {
        entry.messageGroupId(group(t)).messageDeduplicationId(deduplicationId(t, tick));
      }
      entries.add(entry.build());
    }
    SqsClient sqs = clients.service("sqs", clients.home(), SqsClient::builder);
    SendMessageBatchResponse response =
        sqs.sendMessageBatch(r -> r.queueUrl(clients.settings().fanOutQueueUrl()).entries(entries));
    return response.failed().stream().map(f -> f.id()).collect(Collectors.toSet());
  }
}
