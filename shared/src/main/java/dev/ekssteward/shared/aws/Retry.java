package dev.ekssteward.shared.aws;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Backoff for what the SDK does not retry: EKS answers "Request limit exceeded" as a 400
 * InvalidRequestException and busy resources as 409 ResourceInUseException.
 */
public final class Retry {
  /** Sleeps; tests pass one that records instead of waiting. */
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final int maxAttempts;
  private final Duration base;
  private final Duration cap;
  private final Sleeper sleeper;

  public Retry(int maxAttempts, Duration base, Duration cap, Sleeper sleeper) {
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.cap = cap;
    this.sleeper = sleeper;
  }

  public static Retry standard() {
    return new Retry(
        6, Duration.ofMillis(200), Duration.ofSeconds(5), d -> Thread.sleep(d.toMillis()));
  }

  /** Calls {@code call}, retrying throttles and 409s with full-jitter exponential backoff. */
  public <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (attempt >= maxAttempts || !isRetryable(e)) {
          throw e;
        }
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << Math.min(attempt - 1, 16));
        try {
          sleeper.sleep(
              Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1)));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public void run(Runnable call) {
    call(
        () -> {
          call.run();
          return null;
        });
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

  /** 409 busy: modelled for some operations, only an error code for others. */
  public static boolean isResourceInUse(AwsServiceException e) {
    return e.statusCode() == 409 || "ResourceInUseException".equals(errorCode(e));
  }

  public static boolean isNotFound(AwsServiceException e) {
    String code = errorCode(e);
    return e.statusCode() == 404
        || "ResourceNotFoundException".equals(code)
        || "NoSuchEntity".equals(code)
        || "NotFoundException".equals(code)
        || "ParameterNotFound".equals(code);
  }

  public static String errorCode(AwsServiceException e) {
    return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
  }
}
