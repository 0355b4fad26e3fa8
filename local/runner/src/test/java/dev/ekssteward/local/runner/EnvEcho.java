package dev.ekssteward.local.runner;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;
import java.util.TreeMap;

/** Replies with the environment it was started with: what local/invoke resolved. */
public final class EnvEcho implements RequestHandler<Map<String, Object>, Map<String, String>> {
  @Override
  public Map<String, String> handleRequest(Map<String, Object> event, Context context) {
    return new TreeMap<>(System.getenv());
  }
}
