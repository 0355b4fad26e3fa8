package dev.ekssteward.shared.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.pipeline.Invocation;
import dev.ekssteward.shared.pipeline.Pipeline;
import java.util.Map;

/**
 * The thin handler every function extends: the Lambda runtime deserialises the event into a Map,
 * the pipeline does the work, and the report Map is the reply. Construction starts the warm-up
 * ({@link Priming}) on a second thread, except in the benchmark's SDK-defaults baseline.
 */
public abstract class StewardHandler
    implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  private final Pipeline<?> pipeline;

  protected StewardHandler(Pipeline<?> pipeline) {
    StartupMarks.mark("handler: component built");
    this.pipeline = pipeline;
    Priming priming = Priming.register(v -> pipeline.prime());
    if (!AwsClients.sdkDefaultsFromEnvironment()) {
      priming.startEarly();
    }
  }

  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    StartupMarks.mark("handler: event deserialised");
    return pipeline.run(event, Invocation.from(context));
  }
}
