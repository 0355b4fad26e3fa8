package dev.ekssteward.shared.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A function's production wiring of fan-out and member accounts, end to end in moto: the config
 * names one member account (assumed through STS), the function's environment names a fan-out queue,
 * a schedule tick over the two accounts sends one message per account, and the SQS batch of those
 * messages runs each account with a partial batch response that reports no failure.
 */
public final class FanOutDrill {
  /** A member account: moto keeps each account's resources apart and answers AssumeRole. */
  public static final String MEMBER_ACCOUNT = "210987654321";

  public static final String MEMBER_ROLE = "eks-steward-member";

  private final LocalAws aws;
  private final SqsClient sqs;
  private final String queueUrl;

  private FanOutDrill(LocalAws aws) {
    this.aws = aws;
    this.sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    this.queueUrl = sqs.createQueue(r -> r.queueName("eks-steward-fanout")).queueUrl();
    AuditTap.createBus(aws);
  }

  /** Call after the per-test reset. */
  public static FanOutDrill create(LocalAws aws) {
    return new FanOutDrill(aws);
  }

  /** The function's settings with the fan-out queue set, as the template sets it. */
  public Settings settings(boolean dryRun) {
    Map<String, String> env = new HashMap<>(aws.environment(dryRun));
    env.put("FANOUT_QUEUE_URL", queueUrl);
    return Settings.from(env);
  }

  /**
   * Writes {@code <prefix>/config}: {@code sections} (a JSON object body without braces, may be
   * empty) plus targets naming the member account.
   */
  public void config(String sections) {
    String targets =
        "\"targets\": {\"accounts\": [{\"accountId\": \""
            + MEMBER_ACCOUNT
            + "\", \"roleName\": \""
            + MEMBER_ROLE
            + "\"}]}";
    String json = "{" + targets + (sections.isBlank() ? "" : ", " + sections) + "}";
    aws.seeder().seed(FleetSeed.fleet().config(json));
  }

  /**
   * Runs the tick, then the batch of the messages it sent, through {@code handler}; asserts the
   * fan-out, that each account ran, and that the member account was reached through STS. Returns
   * every call the two invocations made, in order.
   */
  public List<String> tickThenBatch(
      Function<Map<String, Object>, Map<String, Object>> handler, CallRecorder recorder) {
    return tickThenBatch(handler, recorder, List.of());
  }

  /**
   * As {@link #tickThenBatch(Function, CallRecorder)}, for a function whose tick also makes {@code
   * tickReads} after sending (reads of its own run-wide state, such as the scheduler's ledger).
   */
  public List<String> tickThenBatch(
      Function<Map<String, Object>, Map<String, Object>> handler,
      CallRecorder recorder,
      List<String> tickReads) {
    Map<String, Object> report = handler.apply(EventFiles.load("schedule-tick.json"));

    assertThat(report).containsEntry("status", "fanned-out");
    List<String> expected = new ArrayList<>(List.of("ssm:GetParameter", "sqs:SendMessage"));
    expected.addAll(tickReads);
    assertThat(recorder.calls()).containsExactlyElementsOf(expected);
    List<Message> messages = drain();
    assertThat(messages)
        .extracting(Message::body)
        .allSatisfy(b -> assertThat(b).contains("\"region\":\"" + LocalAws.REGION + "\""))
        .anySatisfy(b -> assertThat(b).contains("\"account\":\"" + LocalAws.ACCOUNT + "\""))
        .anySatisfy(b -> assertThat(b).contains("\"account\":\"" + MEMBER_ACCOUNT + "\""))
        .hasSize(2);

    int tickCalls = recorder.calls().size();
    Map<String, Object> reply = handler.apply(sqsEvent(messages));

    assertThat(reply).isEqualTo(Map.of("batchItemFailures", List.of()));
    List<String> batchCalls = recorder.calls().subList(tickCalls, recorder.calls().size());
    // Only the member account's message assumes its role, and no message fans out again.
    assertThat(batchCalls).containsOnlyOnce("sts:AssumeRole").doesNotContain("sqs:SendMessage");
    return recorder.calls();
  }

  private List<Message> drain() {
    List<Message> out = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      out.addAll(sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10)).messages());
    }
    return out;
  }

  /** The SQS event Lambda's event source mapping delivers for {@code messages}. */
  public static Map<String, Object> sqsEvent(List<Message> messages) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (Message m : messages) {
      records.add(
          Map.of(
              "messageId", m.messageId(),
              "receiptHandle", m.receiptHandle(),
              "body", m.body(),
              "eventSource", "aws:sqs",
              "awsRegion", LocalAws.REGION));
    }
    return Map.of("Records", records);
  }
}
