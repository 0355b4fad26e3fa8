package dev.ekssteward.shared.aws;

import dev.ekssteward.shared.apply.Result;
import java.util.function.BooleanSupplier;
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
    return answer(call, null, null, null);
  }

  /** Done, or AWS's refusal, for a call that returns nothing we need. */
  public static Result of(Runnable call) {
    return answer(
        () -> {
          call.run();
          return null;
        },
        null,
        null,
        null);
  }

  /**
   * As {@link #of(Supplier)} for a delete, which the SDK may send more than once. When AWS carried
   * out an attempt but its answer was lost, the retry finds the resource going or gone: 409 while
   * it is deleting, 404 once it is gone. So a retried delete that ends in 409 or 404 is done (with
   * no value) when {@code goingOrGone} confirms it: an earlier attempt deleted it.
   */
  public static Result delete(Supplier<String> call, BooleanSupplier goingOrGone) {
    return answer(
        call,
        null,
        null,
        e ->
            (Retry.isResourceInUse(e) || Retry.isNotFound(e)) && goingOrGone.getAsBoolean()
                ? Result.done((String) null)
                : null);
  }

  /**
   * As {@link #of(Supplier)} for a create to a service without idempotency tokens (IAM), answered
   * {@code alreadyDone} when what it would create exists: {@code Unchanged(why)}, someone else made
   * it meanwhile. Unless the SDK sent the call more than once: a retry of a create AWS carried out
   * (its answer lost) gets the same answer. Then {@code ours} looks at what exists and returns its
   * ARN when it is exactly what was asked for (an earlier attempt made it: done), else null.
   */
  public static Result create(
      Supplier<String> call,
      Class<? extends AwsServiceException> alreadyDone,
      String why,
      Supplier<String> ours) {
    return answer(
        call,
        alreadyDone,
        why,
        e -> {
          String arn = alreadyDone.isInstance(e) ? ours.get() : null;
          return arn == null ? null : Result.done(arn);
        });
  }

  /** After a retried call was refused: done when an earlier attempt made the change, else null. */
  private interface LostAnswer {
    Result check(AwsServiceException refusal);
  }

  private static Result answer(
      Supplier<String> call,
      Class<? extends AwsServiceException> alreadyDone,
      String why,
      LostAnswer lost) {
    try {
      return Result.done(call.get());
    } catch (AwsServiceException e) {
      Result earlier = lost != null && retried(e) ? lost.check(e) : null;
      if (earlier != null) {
        return earlier;
      }
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

  /** The SDK sent the call more than once (unknown, for an exception the SDK did not count). */
  private static boolean retried(AwsServiceException e) {
    Integer attempts = e.numAttempts();
    return attempts != null && attempts > 1;
  }
}
