package dev.ekssteward.tagging.aws;

import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Retry;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * AWS's answer to a mutating call as a {@link Result}: busy (409, left after the SDK's retries),
 * not found and other refusals are answers; what is worth retrying is thrown for the pipeline.
 */
final class Answers {
  private Answers() {}

  static Result of(Runnable call) {
    return of(call, null);
  }

  /**
   * {@code goneWhen}: a message that means not found although the status is not 404 (Auto Scaling
   * answers an unknown group with 400 {@code ValidationError: AutoScalingGroup not found - ...}).
   */
  static Result of(Runnable call, String goneWhen) {
    try {
      call.run();
      return Result.done();
    } catch (AwsServiceException e) {
      String message =
          e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      if (Retry.isResourceInUse(e)) {
        return new Result.Busy(message);
      }
      if (Retry.isRetryable(e)) {
        throw e;
      }
      if (Retry.isNotFound(e) || (goneWhen != null && String.valueOf(message).contains(goneWhen))) {
        return new Result.NotFound(message);
      }
      return new Result.Refused(Retry.describe(e));
    }
  }
}
