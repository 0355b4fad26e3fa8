package dev.ekssteward.shared.testing.seed;

import software.amazon.awssdk.services.eventbridge.model.ResourceAlreadyExistsException;

/**
 * The audit bus, and its tap: a rule copying every eks-steward event to an SQS queue, so the demo
 * and tests can read back what a run published.
 */
final class AuditTapWriter {
  static final String RULE = "audit-tap";

  private final SeedingClients clients;

  AuditTapWriter(SeedingClients clients) {
    this.clients = clients;
  }

  /** Creates the bus (unless it exists) and, with a queue name, the tap; returns the queue URL. */
  String write(String bus, String queue) {
    var events = clients.events();
    try {
      events.createEventBus(r -> r.name(bus));
    } catch (ResourceAlreadyExistsException e) {
      // seeded before, e.g. by the fixture a test builds on
    }
    if (queue == null) {
      return null;
    }
    var sqs = clients.sqs();
    String url = sqs.createQueue(r -> r.queueName(queue)).queueUrl();
    String arn =
        sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    events.putRule(
        r -> r.name(RULE).eventBusName(bus).eventPattern("{\"source\":[\"eks-steward\"]}"));
    events.putTargets(r -> r.rule(RULE).eventBusName(bus).targets(t -> t.id("queue").arn(arn)));
    return url;
  }
}
