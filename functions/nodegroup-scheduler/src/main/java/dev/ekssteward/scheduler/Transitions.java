package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.DropRecord;
import dev.ekssteward.scheduler.plan.KeepUp;
import dev.ekssteward.scheduler.plan.Restore;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.scheduler.plan.Tags;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Outcome;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Carries out the planned steps in the order that never loses a size: the record is written before
 * a scale-down and removed only after the restore succeeded. A failure ends that group's step (the
 * next tick retries); other groups go on.
 */
final class Transitions {
  static final String SCALED_DOWN = "Nodegroup Scaled Down";
  static final String SCALED_UP = "Nodegroup Scaled Up";

  private final NodegroupApis apis;

  Transitions(NodegroupApis apis) {
    this.apis = apis;
  }

  Outcome apply(Target target, Action action) {
    NodegroupApi api = apis.in(target);
    try {
      if (action instanceof ScaleDown d) {
        return scaleDown(api, d);
      }
      if (action instanceof Restore r) {
        return restore(api, r);
      }
      if (action instanceof DropRecord r) {
        api.untagResource(r.target(), Set.of(Tags.ORIGINAL_SCALING));
        return Outcome.applied(r);
      }
      if (action instanceof KeepUp k) {
        api.tagResource(k.target(), Map.of(Tags.KEEP_UP_UNTIL, k.until().toString()));
        return Outcome.applied(k);
      }
    } catch (RuntimeException e) {
      String retry = Retry.isRetryable(e) ? "still busy or throttled; the next tick retries: " : "";
      return Outcome.failed(action, retry + e.getMessage());
    }
    throw new IllegalArgumentException("not a scheduler action: " + action.type());
  }

  private Outcome scaleDown(NodegroupApi api, ScaleDown d) {
    try {
      api.tagResource(d.target(), Map.of(Tags.ORIGINAL_SCALING, d.record().encode()));
    } catch (RuntimeException e) {
      return Outcome.failed(
          d, "could not record the original size, so did not scale: " + e.getMessage());
    }
    api.updateScaling(d.cluster(), d.nodegroup(), d.after(), d.token());
    Map<String, Object> detail = detail(d.cluster(), d.nodegroup());
    detail.put("before", d.record().sizes().toMap());
    detail.put("after", d.after().toMap());
    detail.put("originalScaling", d.record().encode());
    return Outcome.applied(d, new AuditEvent(SCALED_DOWN, List.of(d.target()), detail));
  }

  private Outcome restore(NodegroupApi api, Restore r) {
    api.updateScaling(r.cluster(), r.nodegroup(), r.record().sizes(), r.token());
    Map<String, Object> detail = detail(r.cluster(), r.nodegroup());
    detail.put("before", r.before().toMap());
    detail.put("after", r.record().sizes().toMap());
    detail.put("reason", r.reason());
    detail.put("downSince", r.record().downAt().toString());
    detail.put("nodeHoursAvoided", r.nodeHoursAvoided());
    String removal = removeRecord(api, r);
    detail.put("recordRemoved", removal == null);
    AuditEvent scaledUp = new AuditEvent(SCALED_UP, List.of(r.target()), detail);
    // The group is up either way, so the change is audited now; a record left behind is only
    // dropped by the next tick (it matches the sizes), which is not a change of its own.
    return removal == null
        ? Outcome.applied(r, scaledUp)
        : new Outcome(r, Outcome.Status.APPLIED, removal, List.of(scaledUp));
  }

  /** Null when the record is gone, else why it is still there. */
  private static String removeRecord(NodegroupApi api, Restore r) {
    try {
      api.untagResource(r.target(), Set.of(Tags.ORIGINAL_SCALING));
      return null;
    } catch (RuntimeException e) {
      return "restored, but removing the "
          + Tags.ORIGINAL_SCALING
          + " record failed; the next tick drops it: "
          + e.getMessage();
    }
  }

  private static Map<String, Object> detail(String cluster, String nodegroup) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster", cluster);
    d.put("nodegroup", nodegroup);
    return d;
  }
}
