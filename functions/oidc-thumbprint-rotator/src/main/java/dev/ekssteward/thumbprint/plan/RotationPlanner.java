package dev.ekssteward.thumbprint.plan;

import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.LookAgain;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerCheck;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pure: what to do about each issuer of an account. Rotates thumbprint lists, creates missing
 * providers when allowed, reports failures, and looks again later at a new cluster that is still
 * being created (the only scope with a cluster not ready is a CreateCluster call's).
 */
public final class RotationPlanner {
  /**
   * A new cluster (the CreateCluster event arrives while it is CREATING, ~10 minutes on EKS, DESIGN
   * §5) is looked at again every 5 minutes, 8 times: its issuer is checked, and with
   * createMissingProviders its provider created, within 5 minutes of ACTIVE whatever the schedule.
   */
  static final Duration LOOK_EVERY = Duration.ofMinutes(5);

  static final int LOOKS = 8;

  private RotationPlanner() {}

  public static Plan plan(AccountView view, boolean createMissing) {
    List<Action> actions = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    for (AccountView.Skipped s : view.skipped()) {
      actions.add(new Action.Skip(s.target(), s.reason()));
    }
    for (IssuerCheck check : view.checks()) {
      if (check.probe() instanceof Probe.Refused r && r.suspicious()) {
        findings.add(Findings.discoveryRefused(check, r));
      }
      if (check.provider() == null) {
        findings.add(Findings.missing(check, createMissing));
      }
      if (check.probe() != null && !(check.probe() instanceof Probe.Verified)) {
        findings.add(Findings.checkFailed(check));
      } else if (check.probe() instanceof Probe.Verified v) {
        findings.add(Findings.use(check, v));
        Action action = check.provider() == null ? create(check, v) : rotate(check, v);
        if (action != null && (check.provider() != null || createMissing)) {
          actions.add(action);
        }
      }
    }
    LookAgain look = null;
    for (ClusterIssuer c : view.notReady()) {
      if (c.inTransition()) {
        // What happens next (a look, or the give-up finding) is the pipeline's to say: pending.
        actions.add(new Action.Skip(c.arn(), "cluster is " + c.status() + "; not ACTIVE yet"));
        look = new LookAgain(LOOK_EVERY, LOOKS, Findings.notActive(c));
      } else if (c.failed()) {
        findings.add(Findings.notActive(c));
        actions.add(new Action.Skip(c.arn(), "cluster is FAILED; it will not become ACTIVE"));
      } else {
        actions.add(new Action.Skip(c.arn(), "cluster is " + c.status() + " without an issuer"));
      }
    }
    return new Plan(actions, findings, metrics(view), null, look, reach(view, actions));
  }

  /**
   * Of the issuers checked, the updates that drop a thumbprint (past five, the oldest goes): a
   * removal may end what IAM trusted. None is inferred: the issuer's own certificate asks for it.
   */
  private static Reach reach(AccountView view, List<Action> actions) {
    int removals =
        (int)
            actions.stream()
                .filter(UpdateThumbprints.class::isInstance)
                .map(UpdateThumbprints.class::cast)
                .filter(u -> !Thumbprints.minus(u.previous(), u.thumbprints()).isEmpty())
                .count();
    return new Reach(view.checks().size(), removals, 0);
  }

  /** Issuers verified, and of those whose thumbprints IAM relies on and whose it does not. */
  private static Map<String, Double> metrics(AccountView view) {
    List<Probe.Verified> verified =
        view.checks().stream()
            .map(IssuerCheck::probe)
            .filter(Probe.Verified.class::isInstance)
            .map(Probe.Verified.class::cast)
            .toList();
    Map<String, Double> metrics = new HashMap<>();
    metrics.put("IssuersVerified", (double) verified.size());
    for (ThumbprintUse use : ThumbprintUse.values()) {
      metrics.put(
          Findings.metric(use), (double) verified.stream().filter(v -> v.use() == use).count());
    }
    return metrics;
  }

  private static Action rotate(IssuerCheck check, Probe.Verified probe) {
    List<String> previous = check.provider().thumbprints();
    List<String> next = Thumbprints.rotate(probe.thumbprints(), previous);
    if (Thumbprints.sameSet(next, previous) || !Thumbprints.writable(next)) {
      return null;
    }
    return new UpdateThumbprints(
        check.provider().arn(), check.issuer().toString(), previous, next, probe);
  }

  private static Action create(IssuerCheck check, Probe.Verified probe) {
    List<String> thumbprints = Thumbprints.rotate(probe.thumbprints(), List.of());
    if (!Thumbprints.writable(thumbprints)) {
      return null;
    }
    return new CreateProvider(
        check.issuer().toString(),
        check.cluster() == null ? null : check.cluster().name(),
        thumbprints,
        probe);
  }
}
