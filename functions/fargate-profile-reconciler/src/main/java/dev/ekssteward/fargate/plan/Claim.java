package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.shared.trust.Trust;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One desired profile and the observed profiles under its logical name (the name itself first):
 * what the plan reads from them, for the profile itself and to guard the deletes of others.
 */
record Claim(DesiredProfile desired, List<ObservedProfile> mine) {

  /** {@code marks}: the verified managed marks, by profile ARN (see {@link #ours}). */
  static List<Claim> of(
      DesiredState desired, List<ObservedProfile> observed, Map<String, Trust> marks) {
    return desired.profiles().stream()
        .map(d -> new Claim(d, owned(d, desired, observed, marks)))
        .toList();
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
      DesiredProfile d,
      DesiredState desired,
      List<ObservedProfile> observed,
      Map<String, Trust> marks) {
    return observed.stream()
        .filter(p -> ours(d, p, marks))
        .filter(p -> p.name().equals(d.name()) || !isDesiredName(p.name(), desired))
        .sorted(Comparator.comparing((ObservedProfile p) -> !p.name().equals(d.name())))
        .toList();
  }

  /**
   * By its name and the spec it shows ({@link DesiredProfile#owns}), or, for a replacement name
   * whose suffix that hash does not explain (an earlier version's hash, a spec EKS shows
   * otherwise), by the managed mark this stack signed for it.
   */
  private static boolean ours(DesiredProfile d, ObservedProfile p, Map<String, Trust> marks) {
    if (d.owns(p.name(), p.spec())) {
      return true;
    }
    Trust mark = marks.get(p.arn());
    return d.namedLike(p.name()) && mark != null && mark.trusted();
  }

  private static boolean isDesiredName(String name, DesiredState desired) {
    return desired.profiles().stream().anyMatch(d -> d.name().equals(name));
  }
}
