package dev.ekssteward.shared.pipeline;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.function.LongSupplier;

/**
 * What the pipeline needs from the Lambda context: our account and partition (from the function
 * ARN) and the time left, so multi-step work stops in time and reports the rest as pending.
 */
public record Invocation(
    String homeAccount, String partition, LongSupplier remainingMillis, String requestId) {

  /** The partition when the context has no function ARN (tests). */
  public static final String DEFAULT_PARTITION = "aws";

  public static Invocation from(Context context) {
    if (context == null) {
      return new Invocation(null, DEFAULT_PARTITION, () -> 60_000L, null);
    }
    String arn = context.getInvokedFunctionArn();
    return new Invocation(
        accountOf(arn),
        partitionOf(arn),
        context::getRemainingTimeInMillis,
        context.getAwsRequestId());
  }

  /** The partition field of an ARN (aws, aws-cn, aws-us-gov...). */
  static String partitionOf(String arn) {
    String[] parts = arn == null ? new String[0] : arn.split(":", 3);
    return parts.length > 2 && parts[0].equals("arn") && parts[1].matches("aws[a-z-]*")
        ? parts[1]
        : DEFAULT_PARTITION;
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
