package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.fargate.desired.Selector;
import java.util.List;
import java.util.Map;

/**
 * Make-before-break for prune: deleting a profile deletes the pods running on it, and they are
 * rescheduled only where another profile takes them. A profile may go only when every selector it
 * serves is covered by an ACTIVE profile of the desired state, or was dropped from the desired
 * state (no desired profile covers it): then nothing is meant to run there any more.
 */
final class PruneGuard {
  /** Whether the prune may go ahead; if not, why, and whether it is stopped (not just waiting). */
  record Verdict(boolean allowed, boolean stopped, String reason) {}

  private static final Verdict GO = new Verdict(true, false, null);

  private PruneGuard() {}

  static Verdict check(
      ObservedProfile p,
      DesiredState desired,
      List<ObservedProfile> observed,
      Map<String, String> refused) {
    if (p.status() != Status.ACTIVE) {
      return GO; // a CREATE_FAILED profile serves no pods
    }
    for (Selector s : p.spec().selectors()) {
      List<DesiredProfile> successors =
          desired.profiles().stream()
              .filter(d -> d.spec().selectors().stream().anyMatch(s::coveredBy))
              .toList();
      if (successors.isEmpty() || successors.stream().anyMatch(d -> active(d, observed))) {
        continue;
      }
      for (DesiredProfile d : successors) {
        String failure = failure(d, observed, refused);
        if (failure != null) {
          return new Verdict(
              false,
              true,
              "prune stopped: its selector "
                  + s.canonical()
                  + " moves to "
                  + d.name()
                  + ", whose "
                  + failure);
        }
      }
      return new Verdict(
          false,
          false,
          "prune waits: its selector "
              + s.canonical()
              + " moves to "
              + successors.get(0).name()
              + ", which is not ACTIVE yet");
    }
    return GO;
  }

  private static boolean active(DesiredProfile d, List<ObservedProfile> observed) {
    return observed.stream()
        .anyMatch(
            o -> d.owns(o.name()) && o.status() == Status.ACTIVE && d.spec().satisfiedBy(o.spec()));
  }

  /** Why d's profile will not come without a fix, or null while it may still come. */
  private static String failure(
      DesiredProfile d, List<ObservedProfile> observed, Map<String, String> refused) {
    for (String name : List.of(d.name(), d.derivedName())) {
      if (refused.containsKey(name)) {
        return "create was refused: " + refused.get(name);
      }
    }
    return observed.stream()
        .filter(o -> d.owns(o.name()) && o.status() == Status.CREATE_FAILED)
        .findFirst()
        .map(o -> "profile " + o.name() + " is CREATE_FAILED")
        .orElse(null);
  }
}
