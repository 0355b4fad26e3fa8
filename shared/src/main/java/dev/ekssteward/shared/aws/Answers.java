package dev.ekssteward.shared.aws;

import dev.ekssteward.shared.apply.Result;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * AWS's answer to a mutating call as a {@link Result}, the same way for every port: not found, busy
 * (409) and other refusals become results; what is worth retrying (left after the SDK's own
 * retries) is thrown for the pipeline to report and retry.
 */
public final class Answers {
  private Answers() {}

  /** Done with what {@code call} returned (a created resource's ARN), or AWS's refusal. */
  public static Result of(Supplier<String> call) {
    return answer(call, null, null);
  }

  /** Done, or AWS's refusal, for a call that returns nothing we need. */
  public static Result of(Runnable call) {
    return answer(
        () -> {
          call.run();
          return null;
        },
        null,
        null);
  }

  /**
   * As {@link #of(Supplier)}, and {@code Unchanged(why)} when AWS answers {@code alreadyDone}: what
   * the call would create exists already (someone else made it meanwhile).
   */
  public static Result of(
      Supplier<String> call, Class<? extends AwsServiceException> alreadyDone, String why) {
    return answer(call, alreadyDone, why);
  }

  private static Result answer(
      Supplier<String> call, Class<? extends AwsServiceException> alreadyDone, String why) {
    try {
      return Result.done(call.get());
    } catch (AwsServiceException e) {
      if (alreadyDone != null && alreadyDone.isInstance(e)) {
        return new Result.Unchanged(why);
      }
      if (Retry.isRetryable(e) && !Retry.isResourceInUse(e)) {
        throw e;
      }
      String message =
          e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
      if (Retry.isResourceInUse(e)) {
        return new Result.Busy(message);
      }
      if (Retry.isNotFound(e)) {
        return new Result.NotFound(message);
      }
      return new Result.Refused(Retry.describe(e));
    }
  }
}
