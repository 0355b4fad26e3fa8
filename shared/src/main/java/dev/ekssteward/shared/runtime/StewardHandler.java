package dev.ekssteward.shared.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekssteward.shared.pipeline.Invocation;
import dev.ekssteward.shared.pipeline.Pipeline;
import java.util.Map;

/**
 * The thin handler every function extends: the Lambda runtime deserialises the event into a Map,
 * the pipeline does the work, and the report Map is the reply.
 */
public abstract class StewardHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Pipeline<?> pipeline;

  protected StewardHandler(Pipeline<?> pipeline) {
    this.pipeline = pipeline;
    Priming.register(v -> pipeline.prime());
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return pipeline.run(event, Invocation.from(context));
  }
}
