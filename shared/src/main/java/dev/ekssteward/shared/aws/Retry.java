package dev.ekssteward.shared.aws;

import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one retry layer: the SDK's standard retry strategy, told about what it does not retry by
 * itself. EKS answers "Request limit exceeded" as a 400 InvalidRequestException and a busy resource
 * as 409 ResourceInUseException. Every AWS call is tried at most {@link #MAX_ATTEMPTS} times.
 */
public final class Retry {
  /** Sleeps; tests pass one that records instead of waiting. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  /** Attempts per AWS call, the first included (documented in docs/reliability.md). */
  public static final int MAX_ATTEMPTS = 6;

  /** Full-jitter exponential backoff: up to 0.2 s, 0.4 s, 0.8 s, 1.6 s, 3.2 s between attempts. */
  public static final BackoffStrategy BACKOFF =
      BackoffStrategy.exponentialDelay(Duration.ofMillis(200), Duration.ofSeconds(5));

  private Retry() {}

  /**
   * The strategy every client gets. No circuit breaker: each call keeps its own bounded attempts,
   * so one throttled burst in a sweep does not fail the calls of other clusters without a try.
   */
  public static RetryStrategy strategy(BackoffStrategy backoff) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(MAX_ATTEMPTS)
        .retryOnException(
            e -> e instanceof AwsServiceException a && (isRequestLimit(a) || isResourceInUse(a)))
        .backoffStrategy(backoff)
        .throttlingBackoffStrategy(backoff)
        .circuitBreakerEnabled(false)
        .build();
  }

  /** Throttling, "Request limit exceeded", 409 busy, 5xx and I/O failures. */
  public static boolean isRetryable(Throwable e) {
    if (e instanceof AwsServiceException ase) {
      return ase.isThrottlingException()
          || isRequestLimit(ase)
          || isResourceInUse(ase)
          || ase.statusCode() >= 500;
    }
    return e instanceof SdkClientException;
  }

  public static boolean isRequestLimit(AwsServiceException e) {
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    if (message == null) {
      message = e.getMessage();
    }
    return message != null && message.toLowerCase(Locale.ROOT).contains("request limit exceeded");
  }

  /**
   * EKS's busy resource (409): modelled for some operations, only an error code for others. Not
   * every 409: IAM answers EntityAlreadyExists with one, which no retry changes.
   */
  public static boolean isResourceInUse(AwsServiceException e) {
    return "ResourceInUseException".equals(errorCode(e));
  }

  /**
   * Not found, by status or code; Auto Scaling answers an unknown group with 400 {@code
   * ValidationError: AutoScalingGroup not found - ...}.
   */
  public static boolean isNotFound(AwsServiceException e) {
    String code = errorCode(e);
    String message = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorMessage();
    return e.statusCode() == 404
        || "ResourceNotFoundException".equals(code)
        || "NoSuchEntity".equals(code)
        || "NotFoundException".equals(code)
        || "ParameterNotFound".equals(code)
        || ("ValidationError".equals(code)
            && message != null
            && message.startsWith("AutoScalingGroup not found"));
  }

  public static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }

  /** {@code Code: message} of an AWS error, without request ids or payloads. */
  public static String describe(Throwable e) {
    if (e instanceof AwsServiceException a && a.awsErrorDetails() != null) {
      return errorCode(a) + ": " + a.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
