package dev.ekssteward.local.runner;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda's error reply: {@code errorMessage}, {@code errorType}, {@code stackTrace}, {@code cause}.
 */
final class LambdaError {
  private LambdaError() {}

  static Map<String, Object> of(Throwable error) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put("errorMessage", error.getMessage());
    reply.put("errorType", error.getClass().getName());
    List<String> trace =
        Arrays.stream(error.getStackTrace()).map(StackTraceElement::toString).toList();
    reply.put("stackTrace", trace);
    if (error.getCause() != null && error.getCause() != error) {
      reply.put("cause", of(error.getCause()));
    }
    return reply;
  }

  static Map<String, Object> timedOut(LocalContext context) {
    Map<String, Object> reply = new LinkedHashMap<>();
    reply.put(
        "errorMessage",
        String.format(
            "RequestId: %s Error: Task timed out after %.2f seconds",
            context.getAwsRequestId(), context.timeoutMillis() / 1000.0));
    reply.put("errorType", "Sandbox.Timedout");
    return reply;
  }
}
