package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.event.RecheckMessages;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Trigger.Recheck;
import dev.ekssteward.shared.json.Json;
import java.time.Duration;
import javax.inject.Inject;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Sends deferred looks: one message per look on the function's recheck queue ({@code
 * RECHECK_QUEUE_URL}, a standard queue), delayed by SQS itself, so no invocation waits for a
 * transition of minutes. A FIFO queue takes no per-message delay (SQS Developer Guide, "Amazon SQS
 * message timers"), which is why this is not the FIFO fan-out queue.
 */
public final class Rechecks {
  private final AwsClients clients;

  @Inject
  public Rechecks(AwsClients clients) {
    this.clients = clients;
  }

  /** False without a recheck queue: a resource in transition then waits for the next tick. */
  public boolean available() {
    return clients.settings().recheckQueueUrl() != null;
  }

  /** Asks for {@code next} (the selection at its next look) after {@code after}. */
  public void send(Scope scope, Selection.One next, Duration after) {
    Recheck recheck =
        new Recheck(scope.target().accountId(), scope.target().region(), scope.cluster(), next);
    String body = Json.write(RecheckMessages.body(recheck));
    SqsClient sqs = clients.service("sqs", clients.home(), SqsClient::builder);
    sqs.sendMessage(
        r ->
            r.queueUrl(clients.settings().recheckQueueUrl())
                .messageBody(body)
                .delaySeconds((int) after.toSeconds()));
  }
}
