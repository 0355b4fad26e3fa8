package dev.ekssteward.shared.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import dev.ekssteward.shared.event.FanOutMessages;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.FanOutBatch;
import dev.ekssteward.shared.event.TriggerParser;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.pipeline.Invocation;
import dev.ekssteward.shared.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The thin handler every function extends. Lambda hands it the event's bytes; our JSON reader and
 * {@code Deliveries} fill the {@code aws-lambda-java-events} types ({@link ScheduledEvent}, {@link
 * SQSEvent}) from them (the runtime's own Jackson deserialisation cost a cold start ~100-150 ms,
 * docs/performance.md); the pipeline does the work; the report, or an {@link SQSBatchResponse}, is
 * the reply. An event that is not a JSON object gets an {@code ignored} report, not an error.
 * Construction registers the SnapStart warm-up ({@link Priming}).
 */
public abstract class StewardHandler implements RequestStreamHandler {
  private final Pipeline<?> pipeline;

  protected StewardHandler(Pipeline<?> pipeline) {
    StartupMarks.mark("handler: component built");
    this.pipeline = pipeline;
    Priming.register(v -> pipeline.prime());
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
    Object event = null;
    String problem = null;
    try {
      event = Json.parse(text);
    } catch (RuntimeException e) {
      problem = "the event is not valid JSON: " + e.getMessage();
    }
    if (problem == null && !(event instanceof Map<?, ?>)) {
      problem = "the event is not a JSON object";
    }
    StartupMarks.mark("handler: event parsed");
    @SuppressWarnings("unchecked")
    Object reply =
        problem == null
            ? handle((Map<String, Object>) event, context)
            : pipeline.ignore(problem, Invocation.from(context));
    output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The same run for an event already read into a Map (tests, and the stream method above): the
   * report, or for fan-out messages {@code {"batchItemFailures": [...]}}. Not an overload of
   * handleRequest, so the template's Class::handleRequest names one method only.
   */
  public Map<String, Object> handle(Map<String, Object> event, Context context) {
    return pipeline.run(event, Invocation.from(context));
  }

  /** One EventBridge delivery (tests load events/*.json into it with the library's loader). */
  public Map<String, Object> handle(ScheduledEvent event, Context context) {
    return pipeline.run(TriggerParser.parse(event), Invocation.from(context));
  }

  /** One batch of fan-out messages: which of them go back to the queue. */
  public SQSBatchResponse handle(SQSEvent event, Context context) {
    Trigger trigger = FanOutMessages.parse(event);
    return trigger instanceof FanOutBatch batch
        ? pipeline.run(batch, Invocation.from(context))
        : ignoredBatch(trigger, context);
  }

  /** A delivery that is not ours: reported as ignored; no message is returned to the queue. */
  private SQSBatchResponse ignoredBatch(Trigger ignored, Context context) {
    pipeline.run(ignored, Invocation.from(context));
    return new SQSBatchResponse(List.of());
  }
}
