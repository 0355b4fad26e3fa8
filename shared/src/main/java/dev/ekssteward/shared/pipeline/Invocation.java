package dev.ekssteward.shared.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.LongSupplier;

/**
 * What the pipeline needs from the Lambda context: our account (from the function ARN) and the time
 * left, so multi-step work stops in time and reports the rest as pending.
 */
public record Invocation(String homeAccount, LongSupplier remainingMillis, String requestId) {

  public static Invocation from(Context context) {
    if (context == null) {
      return new Invocation(null, () -> 60_000L, null);
    }
    return new Invocation(
        accountOf(context.getInvokedFunctionArn()),
        context::getRemainingTimeInMillis,
        context.getAwsRequestId());
  }

  /** The account field of an ARN ({@code arn:aws:lambda:eu-west-1:<account>:function:x}). */
  static String accountOf(String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
  }
}
