package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How long to wait before looking again at a cluster with a profile in transition. Derived from the
 * observed state alone: the longer the transition has run, the longer the wait (a quarter of the
 * elapsed time, 5 to 30 seconds), so a fresh create is polled often and a slow one rarely.
 */
final class Backoff {
  static final Duration MIN = Duration.ofSeconds(5);
  static final Duration MAX = Duration.ofSeconds(30);

  private Backoff() {}

  static Duration after(List<ObservedProfile> moving, Instant now) {
    Instant started =
        moving.stream()
            .map(ObservedProfile::createdAt)
            .filter(t -> t != null)
            .max(Instant::compareTo)
            .orElse(now);
    Duration quarter = Duration.between(started, now).dividedBy(4);
    if (quarter.compareTo(MIN) < 0) {
      return MIN;
    }
    return quarter.compareTo(MAX) > 0 ? MAX : quarter;
  }
}
