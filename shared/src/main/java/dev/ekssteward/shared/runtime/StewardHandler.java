package dev.ekssteward.shared.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.pipeline.Invocation;
import dev.ekssteward.shared.pipeline.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The thin handler every function extends. Lambda hands it the event's bytes (a stream handler: the
 * runtime's own Jackson deserialisation cost a cold start ~100-150 ms), our JSON reader turns them
 * into a Map, the pipeline does the work, and the report is the reply. An event that is not a JSON
 * object gets an {@code ignored} report, not an error. Construction registers the SnapStart warm-up
 * ({@link Priming}).
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
    Map<String, Object> reply =
        problem == null
            ? handle((Map<String, Object>) event, context)
            : pipeline.ignore(problem, Invocation.from(context));
    output.write(Json.write(reply).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The same run for an event already read into a Map (tests, and the stream method above). Not an
   * overload of handleRequest, so the template's Class::handleRequest names one method only.
   */
  public Map<String, Object> handle(Map<String, Object> event, Context context) {
    return pipeline.run(event, Invocation.from(context));
  }
}
