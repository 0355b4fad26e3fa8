package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.SeededFleet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The audit bus in moto, read back: creates the bus named in {@link LocalAws#environment} and a
 * rule for source {@code eks-steward} that delivers to an SQS queue, so tests can assert exactly
 * which audit events a run published.
 */
public final class AuditTrail {
  public static final String BUS = "eks-steward-audit";

  /** One delivered audit event. */
  public record Delivered(String detailType, List<String> resources, Map<String, Object> detail) {}

  private final SqsClient sqs;
  private final String queueUrl;

  private AuditTrail(SqsClient sqs, String queueUrl) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }

  /** Call after the per-test reset: seeds the bus and its tap (a queue and a rule). */
  public static AuditTrail create(LocalAws aws) {
    SeededFleet seeded = aws.seeder().seed(FleetSeed.fleet().auditBus(BUS, "audit"));
    SqsClient sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    return new AuditTrail(sqs, seeded.auditQueueUrl());
  }

  /**
   * Every event delivered since the last call, in order, each checked against its schema ({@link
   * AuditSchemas}).
   */
  public List<Delivered> drain() {
    return AuditSchemas.checked(receive());
  }

  @SuppressWarnings("unchecked")
  private List<Delivered> receive() {
    List<Delivered> out = new ArrayList<>();
    while (true) {
      List<Message> batch =
          sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(0))
              .messages();
      if (batch.isEmpty()) {
        return out;
      }
      for (Message m : batch) {
        Map<String, Object> envelope = Json.parseObject(m.body());
        out.add(
            new Delivered(
                (String) envelope.get("detail-type"),
                (List<String>) envelope.get("resources"),
                (Map<String, Object>) envelope.get("detail")));
        sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
      }
    }
  }

  public List<String> drainTypes() {
    return drain().stream().map(Delivered::detailType).toList();
  }
}
