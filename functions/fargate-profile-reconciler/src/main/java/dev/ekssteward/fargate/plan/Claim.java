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
 * what the plan reads from them, for the profile itself and to guard the deletes of others. {@code
 * taken}: the observed profile, claimed or not, that already has the name a create would use.
 */
record Claim(DesiredProfile desired, List<ObservedProfile> mine, ObservedProfile taken) {

  /** {@code marks}: the verified managed marks, by profile ARN (see {@link #ours}). */
  static List<Claim> of(
      DesiredState desired, List<ObservedProfile> observed, Map<String, Trust> marks) {
    return desired.profiles().stream().map(d -> of(d, desired, observed, marks)).toList();
  }

  private static Claim of(
      DesiredProfile d,
      DesiredState desired,
      List<ObservedProfile> observed,
      Map<String, Trust> marks) {
    List<ObservedProfile> mine = owned(d, desired, observed, marks);
    String name = createName(d, mine);
    ObservedProfile taken =
        observed.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    return new Claim(d, mine, taken);
  }

  /** The name a create would use: the logical name first, then the one the spec derives. */
  String createName() {
    return createName(desired, mine);
  }

  private static String createName(DesiredProfile d, List<ObservedProfile> mine) {
    return mine.isEmpty() ? d.name() : d.derivedName();
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
    String failed =
        mine.stream()
            .filter(o -> o.status() == Status.CREATE_FAILED)
            .findFirst()
            .map(o -> "profile " + o.name() + " is CREATE_FAILED")
            .orElse(null);
    if (failed == null && blocked()) {
      return "create is blocked: profile " + taken.name() + " is " + taken.status();
    }
    return failed;
  }

  /**
   * True when a create is due but its name is held by a profile that stays until someone deletes it
   * (DELETE_FAILED, say): EKS would answer every attempt 409 "already exists". One that is DELETING
   * goes by itself.
   */
  boolean blocked() {
    return current() == null
        && first(Status.CREATING) == null
        && taken != null
        && !taken.status().inTransition();
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
