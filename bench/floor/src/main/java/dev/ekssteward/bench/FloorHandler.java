package dev.ekssteward.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/** The floor's one call as a Lambda handler (Map in, Map out, through the runtime's Jackson). */
public final class FloorHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {
  @Override
  public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
    return Map.of("clusters", Floor.listClusters());
  }
}
