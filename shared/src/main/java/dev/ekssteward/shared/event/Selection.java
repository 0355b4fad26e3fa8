package dev.ekssteward.shared.event;

import java.time.Instant;
import java.util.List;

/**
 * What a scope looks at, as the trigger's routing decided it. Observers and planners see this,
 * never the trigger itself.
 */
public sealed interface Selection {
  /** Everything in the scope: a schedule tick, a fan-out message or a desired-state change. */
  record All() implements Selection {}

  /**
   * The one resource an API call named.
   *
   * @param call the CloudTrail event name ({@code CreateNodegroup})
   * @param kind what the resource is ({@code nodegroup}, {@code cluster}, {@code oidc-provider})
   * @param name its name (the cluster's own name for a cluster), or null when only the ARN is known
   * @param arn its ARN, or null when the event does not carry it
   * @param created true for calls that create it (the creator is then known)
   * @param caller who made the call
   * @param keys the tag keys the call named (UntagResource), else empty
   * @param look 0 for the call itself; n for the n-th deferred look at the resource (a recheck
   *     message, sent because it was still in transition)
   */
  record One(
      String call,
      String kind,
      String name,
      String arn,
      boolean created,
      CallerIdentity caller,
      List<String> keys,
      int look)
      implements Selection {
    public One {
      keys = List.copyOf(keys);
    }

    /** The same resource, one look later. */
    public One next() {
      return new One(call, kind, name, arn, created, caller, keys, look + 1);
    }
  }

  /**
   * A wake request: keep these node groups (all when empty) up for {@code minutes} (null: the
   * configured default) from {@code sent}, the request's own time (null: when the run handles it),
   * so a retried delivery keeps them up until the same time.
   */
  record Wake(List<String> nodegroups, Integer minutes, Instant sent) implements Selection {
    public Wake {
      nodegroups = List.copyOf(nodegroups);
    }

    public Wake(List<String> nodegroups, Integer minutes) {
      this(nodegroups, minutes, null);
    }
  }

  /**
   * A release request: restore what is recorded and pause scale-downs until {@code until}, or for
   * {@code hours} from when the run handles it (exactly one is set).
   */
  record Release(Instant until, Integer hours) implements Selection {}

  Selection ALL = new All();
}
