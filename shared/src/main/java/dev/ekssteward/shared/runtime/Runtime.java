package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.aws.Retry;

/** Production instances of what components bind: the real sleeper. */
public final class Runtime {
  private Runtime() {}

  public static final Retry.Sleeper SLEEPER = d -> Thread.sleep(d.toMillis());
}
