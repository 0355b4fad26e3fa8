package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.Selector;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Make-before-break for every delete, a prune's and a replaced profile's: deleting a profile
 * deletes the pods running on it, and they are rescheduled only where another profile takes them. A
 * profile may go only when every desired profile that could take one of its pods (a selector that
 * overlaps one of its own, not only one that covers it) is ACTIVE. A pod no desired profile could
 * take any more was dropped from the desired state: nothing is meant to run there.
 */
final class PruneGuard {
  /** Whether the delete may go ahead; if not, why, and whether it is stopped (not just waiting). */
  record Verdict(boolean allowed, boolean stopped, String reason) {}

  private static final Verdict GO = new Verdict(true, false, null);

  private PruneGuard() {}

  /** {@code what}: the delete as the reason names it ({@code prune}, {@code delete}). */
  static Verdict check(
      ObservedProfile p, String what, List<Claim> claims, Map<String, String> refused) {
    if (p.status() != Status.ACTIVE) {
      return GO; // a CREATE_FAILED profile serves no pods
    }
    Verdict wait = null;
    List<Selector> selectors =
        p.spec().selectors().stream().sorted(Comparator.comparing(Selector::canonical)).toList();
    for (Selector s : selectors) {
      for (Claim c : claims) {
        if (c.current() != null || c.desired().spec().selectors().stream().noneMatch(s::overlaps)) {
          continue;
        }
        String moves = ": its selector " + s.canonical() + " moves to " + c.desired().name();
        String failure = c.failure(refused);
        if (failure != null) {
          // A stop outranks a wait: it needs someone to act.
          return new Verdict(false, true, what + " stopped" + moves + ", whose " + failure);
        }
        if (wait == null) {
          wait = new Verdict(false, false, what + " waits" + moves + ", which is not ACTIVE yet");
        }
      }
    }
    return wait == null ? GO : wait;
  }
}
