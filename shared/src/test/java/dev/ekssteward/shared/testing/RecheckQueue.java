package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * A function's recheck queue in moto, with SQS's timers 250 times faster (the local AWS's {@code
 * sqsTimeScale}): a five-minute look arrives after 1.2 seconds, with the same delay attribute and
 * in the same order as in AWS. Messages are handed to the function the way Lambda's event source
 * mapping does ({@link FanOutDrill#sqsEvent}).
 */
public final class RecheckQueue {
  /** 300 s of SQS time are 1.2 s here. */
  public static final double TIME_SCALE = 0.004;

  private final SqsClient sqs;
  private final String url;

  private RecheckQueue(LocalAws aws) {
    this.sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    this.url = sqs.createQueue(r -> r.queueName("eks-steward-recheck")).queueUrl();
  }

  /** Call after the per-test reset (which puts moto's timers back to real time). */
  public static RecheckQueue create(LocalAws aws) {
    aws.options(Map.of("sqsTimeScale", TIME_SCALE));
    return new RecheckQueue(aws);
  }

  public String url() {
    return url;
  }

  /** A function's settings with this queue as its {@code RECHECK_QUEUE_URL}. */
  public Settings settings(Map<String, String> environment) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("RECHECK_QUEUE_URL", url);
    return Settings.from(env);
  }

  /** Messages SQS still holds back (their delay has not passed). */
  public int delayed() {
    return Integer.parseInt(
        sqs.getQueueAttributes(
                r ->
                    r.queueUrl(url)
                        .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED))
            .attributes()
            .get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED));
  }

  /** What can be received now (nothing while a look is still delayed); deleted on receipt. */
  public List<Message> receiveNow() {
    List<Message> got = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)).messages();
    got.forEach(m -> sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle())));
    return got;
  }

  /** Waits (in scaled time) until a message can be received; fails after {@code max}. */
  public List<Message> awaitNext(Duration max) throws InterruptedException {
    long end = System.nanoTime() + max.toNanos();
    while (System.nanoTime() < end) {
      List<Message> got = receiveNow();
      if (!got.isEmpty()) {
        return got;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("no message on the recheck queue within " + max);
  }

  /** The event Lambda's event source mapping delivers for {@code messages}. */
  public static Map<String, Object> event(List<Message> messages) {
    return FanOutDrill.sqsEvent(messages);
  }

  /** A message's {@code recheck} object. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> recheck(Message m) {
    return (Map<String, Object>) Json.parseObject(m.body()).get("recheck");
  }
}
