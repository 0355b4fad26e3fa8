package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One desired profile and the observed profiles under its logical name (the name itself first):
 * what the plan reads from them, for the profile itself and to guard the deletes of others.
 */
record Claim(DesiredProfile desired, List<ObservedProfile> mine) {

  static List<Claim> of(DesiredState desired, List<ObservedProfile> observed) {
    return desired.profiles().stream().map(d -> new Claim(d, owned(d, desired, observed))).toList();
  }

  /** The profile that serves the desired one now, or null. */
  ObservedProfile current() {
    return first(Status.ACTIVE);
  }

  /** The first of {@link #mine} that serves the desired spec and is in {@code status}. */
  ObservedProfile first(Status status) {
    return mine.stream()
        .filter(p -> p.status() == status && desired.spec().satisfiedBy(p.spec()))
        .findFirst()
        .orElse(null);
  }

  /** Why the desired profile will not come without a fix, or null while it may still come. */
  String failure(Map<String, String> refused) {
    for (String name : List.of(desired.name(), desired.derivedName())) {
      if (refused.containsKey(name)) {
        return "create was refused: " + refused.get(name);
      }
    }
    return mine.stream()
        .filter(o -> o.status() == Status.CREATE_FAILED)
        .findFirst()
        .map(o -> "profile " + o.name() + " is CREATE_FAILED")
        .orElse(null);
  }

  /** The observed profiles under d's logical name (the name itself or a replacement name). */
  private static List<ObservedProfile> owned(
      DesiredProfile d, DesiredState desired, List<ObservedProfile> observed) {
    return observed.stream()
        .filter(p -> d.owns(p.name()))
        .filter(p -> p.name().equals(d.name()) || !isDesiredName(p.name(), desired))
        .sorted(Comparator.comparing((ObservedProfile p) -> !p.name().equals(d.name())))
        .toList();
  }

  private static boolean isDesiredName(String name, DesiredState desired) {
    return desired.profiles().stream().anyMatch(d -> d.name().equals(name));
  }
}
