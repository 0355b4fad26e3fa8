package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.aws.Retry;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * How a function waits: the pipeline between passes over a scope in transition, the SDK between
 * attempts of a call. Tests bind {@link #none()} so nothing waits.
 *
 * @param sleeper waits between passes
 * @param backoff the SDK's delay between attempts of one call
 */
public record Waits(Retry.Sleeper sleeper, BackoffStrategy backoff) {
  public static Waits real() {
    return new Waits(d -> Thread.sleep(d.toMillis()), Retry.BACKOFF);
  }

  public static Waits none() {
    return new Waits(d -> {}, BackoffStrategy.retryImmediately());
  }
}
