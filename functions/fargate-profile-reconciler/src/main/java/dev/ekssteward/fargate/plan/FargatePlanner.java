package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.DesiredProfile;
import dev.ekssteward.fargate.desired.DesiredState;
import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteReason;
import dev.ekssteward.fargate.plan.ProfileAction.MarkManaged;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import dev.ekssteward.shared.trust.Trust;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Pure: desired state + observed profiles → the next steps for one cluster. Tag changes go out at
 * once; of the creates and deletes at most one per plan, and none while any profile of the cluster
 * is CREATING or DELETING (EKS allows one in transition). A profile is deleted for a replacement
 * only once the replacement is ACTIVE, and so is every other desired profile that takes some of its
 * pods ({@link PruneGuard}), so its pods always have a profile. A create or delete that failed in
 * an earlier pass of this invocation ({@code earlier}) waits for the next trigger.
 *
 * <p>For the change limits the plan counts every deletion and tag removal it means to make, also
 * those queued or held for later passes, out of the profiles it looked after: those the desired
 * state lists and the managed ones it does not. Prunes are inferred: the document only left the
 * profile out, and {@code {"prune":true,"profiles":[]}} leaves every one out.
 */
public final class FargatePlanner {
  /** The first re-observation after a create or delete. */
  static final Duration FIRST_POLL = Duration.ofSeconds(5);

  private FargatePlanner() {}

  /**
   * {@code marks}: by profile ARN, what the record key said of the signed managed marks of {@link
   * #marksToVerify} (a profile without one, or with an unsigned or unverified mark, is never
   * pruned, nor claimed by a name its spec does not explain).
   */
  public static Plan plan(
      String cluster,
      DesiredState desired,
      List<ObservedProfile> observed,
      Limits limits,
      List<Outcome> earlier,
      Instant now,
      Map<String, Trust> marks) {
    List<Action> tagging = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<ProfileAction> finishing = new ArrayList<>();
    List<ProfileAction> creating = new ArrayList<>();
    List<ProfileAction> replacing = new ArrayList<>();
    List<ProfileAction> pruning = new ArrayList<>();
    Map<String, String> refused = Refusals.in(earlier);
    List<Claim> claims = Claim.of(desired, observed, marks);
    Set<String> claimed = new HashSet<>(); // profile names are unique in a cluster
    claims.forEach(c -> c.mine().forEach(p -> claimed.add(p.name())));
    int replaced = 0; // also those held back, for the change limits
    for (Claim c : claims) {
      DesiredProfile d = c.desired();
      List<ObservedProfile> mine = c.mine();
      ObservedProfile current = c.current();
      Map<String, String> tags = TagDiff.wanted(d.expectedTags(), limits.policyRules());
      if (current != null) {
        tagging.addAll(TagDiff.actions(cluster, current, tags, limits.policyTagKeys()));
        if (current.mark() == null || !current.mark().signed()) {
          // Exactly a profile of the desired state (name and spec): ours to mark, or to re-sign.
          tagging.add(new MarkManaged(cluster, current.name(), current.arn()));
        }
        for (ObservedProfile old : mine) {
          if (old == current) {
            continue;
          }
          if (old.status() == Status.ACTIVE || old.status() == Status.CREATE_FAILED) {
            replaced++;
            // The spec may hand some of its pods to another desired profile: that one too must
            // serve before this one goes.
            PruneGuard.Verdict guard = PruneGuard.check(old, "delete", claims, refused);
            if (!guard.allowed()) {
              hold(cluster, old, guard, tagging, findings);
              continue;
            }
            if (!old.managed()) {
              // IAM lets the reconciler delete only profiles that carry the mark (template:
              // DeleteManagedProfiles), so a replaced profile it never marked (made by hand under
              // the desired name, or a failed create) is marked first: tags are applied before the
              // delete. The desired state claims it by name.
              tagging.add(new MarkManaged(cluster, old.name(), old.arn()));
            }
            finishing.add(
                new DeleteProfile(
                    cluster, old.name(), old.arn(), DeleteReason.REPLACED, current.name()));
          } else if (old.status() == Status.DELETE_FAILED) {
            findings.add(Findings.failed(cluster, old));
          }
        }
      } else if (c.first(Status.CREATING) != null) {
        continue; // wait for it
      } else if (c.first(Status.CREATE_FAILED) != null) {
        findings.add(Findings.failed(cluster, c.first(Status.CREATE_FAILED)));
      } else if (c.blocked()) {
        findings.add(Findings.failed(cluster, c.taken())); // not asked again until it is gone
      } else if (c.taken() != null) {
        continue; // the name is DELETING: wait for it to go
      } else {
        String name = c.createName();
        ObservedProfile old =
            mine.stream().filter(p -> p.status() == Status.ACTIVE).findFirst().orElse(null);
        CreateProfile create =
            new CreateProfile(
                cluster, name, d.name(), d.spec(), tags, old == null ? null : old.name());
        (old == null ? creating : replacing).add(create);
      }
    }
    int prunes = 0;
    for (ObservedProfile p : observed) {
      // A profile in a transition is judged once it has settled: DELETING (our prune, anyone's
      // delete) is on its way out, CREATING is reported (and pruned) once ACTIVE. EKS keeps either
      // state for minutes; reporting it meanwhile would report it again, with a new status, on
      // every pass and sweep. A transition makes the plan look again anyway (see next()).
      if (claimed.contains(p.name()) || p.status().inTransition()) {
        continue;
      }
      boolean candidate = desired.prune() && prunable(p);
      Trust trust = candidate ? markTrust(p, marks) : null;
      if (candidate && (trust == null || !trust.trusted())) {
        String why =
            trust == null
                ? "managed mark not verified in this run; the next trigger decides"
                : "managed mark not trusted (" + trust.reason() + "); not pruned";
        findings.add(Findings.unmanaged(cluster, p, true, false, why));
        if (trust != null) {
          findings.add(Findings.notTrusted(cluster, p, trust.reason()));
        }
        tagging.add(new Action.Skip(p.arn(), why));
        continue;
      }
      boolean prune = candidate;
      prunes += prune ? 1 : 0;
      PruneGuard.Verdict guard = prune ? PruneGuard.check(p, "prune", claims, refused) : null;
      boolean deleting = prune && guard.allowed();
      String held = prune && !deleting ? guard.reason() : null;
      findings.add(Findings.unmanaged(cluster, p, desired.prune(), deleting, held));
      if (prune && guard.allowed()) {
        pruning.add(new DeleteProfile(cluster, p.name(), p.arn(), DeleteReason.PRUNED, null));
      } else if (prune) {
        hold(cluster, p, guard, tagging, findings);
      }
    }
    List<ProfileAction> structural = new ArrayList<>();
    structural.addAll(finishing);
    structural.addAll(creating);
    structural.addAll(replacing);
    structural.addAll(pruning);
    long untags = tagging.stream().filter(ProfileAction.UntagProfile.class::isInstance).count();
    long strays = observed.stream().filter(p -> !claimed.contains(p.name()) && p.managed()).count();
    Reach reach =
        new Reach(
            desired.profiles().size() + (int) strays, replaced + prunes + (int) untags, prunes);
    return next(structural, tagging, findings, observed, limits, refused, now).withReach(reach);
  }

  /** A delete the guard holds back: a skip saying why, and a finding when someone must act. */
  private static void hold(
      String cluster,
      ObservedProfile p,
      PruneGuard.Verdict guard,
      List<Action> actions,
      List<Finding> findings) {
    actions.add(new Action.Skip(p.arn(), guard.reason()));
    if (guard.stopped()) {
      findings.add(Findings.pruneStopped(cluster, p, guard.reason()));
    }
  }

  /**
   * Picks the one create or delete allowed now (none while a profile is in transition). The others
   * are listed as skips saying why they wait, so a dry run shows the whole way to the goal.
   */
  private static Plan next(
      List<ProfileAction> structural,
      List<Action> actions,
      List<Finding> findings,
      List<ObservedProfile> observed,
      Limits limits,
      Map<String, String> refused,
      Instant now) {
    int profileQuota = limits.profileQuota();
    List<ObservedProfile> moving =
        observed.stream().filter(p -> p.status().inTransition()).toList();
    String busy =
        moving.isEmpty()
            ? null
            : "waits: profile " + moving.get(0).name() + " is " + moving.get(0).status();
    ProfileAction chosen = null;
    for (ProfileAction a : structural) {
      if (a instanceof CreateProfile && observed.size() >= profileQuota) {
        actions.add(
            new Action.Skip(
                a.target(),
                "the cluster has " + observed.size() + " profiles, the quota is " + profileQuota));
      } else if (refused.containsKey(a.name())) {
        actions.add(
            new Action.Skip(
                a.target(),
                a.type()
                    + " refused by EKS in this run ("
                    + refused.get(a.name())
                    + "); retried at the next trigger"));
      } else if (busy != null) {
        actions.add(new Action.Skip(a.target(), a.type() + " " + busy));
      } else if (chosen != null) {
        actions.add(
            new Action.Skip(
                a.target(),
                a.type() + " queued: EKS allows one profile in transition per cluster"));
      } else {
        chosen = a;
        actions.add(a);
      }
    }
    if (busy != null) {
      return new Plan(actions, findings, Map.of(), Backoff.after(moving, now));
    }
    return new Plan(actions, findings, Map.of(), chosen == null ? null : FIRST_POLL);
  }

  /**
   * The profiles whose signed managed mark observe verifies, and only those (a run without them
   * makes no KMS call): those a prune of {@code desired} would delete if their mark holds
   * (unclaimed, marked, ACTIVE or CREATE_FAILED), and those named like a desired profile's
   * replacement whose suffix is not the hash of their spec, which are its own only if it holds.
   */
  public static List<ObservedProfile> marksToVerify(
      DesiredState desired, List<ObservedProfile> observed) {
    Set<String> claimed = new HashSet<>();
    Claim.of(desired, observed, Map.of())
        .forEach(c -> c.mine().forEach(p -> claimed.add(p.name())));
    return observed.stream()
        .filter(p -> !claimed.contains(p.name()) && p.mark() != null && p.mark().signed())
        .filter(
            p ->
                (desired.prune() && prunable(p))
                    || desired.profiles().stream().anyMatch(d -> d.namedLike(p.name())))
        .toList();
  }

  private static boolean prunable(ObservedProfile p) {
    return p.managed() && (p.status() == Status.ACTIVE || p.status() == Status.CREATE_FAILED);
  }

  /** A signed mark as verified (null: not verified in this run); an unsigned one never. */
  private static Trust markTrust(ObservedProfile p, Map<String, Trust> marks) {
    if (!p.mark().signed()) {
      return Trust.not(
          "unsigned: "
              + p.tags().get(Contract.MANAGED_TAG)
              + " was written by hand"
              + " or by an earlier version");
    }
    return marks.get(p.arn());
  }
}
