package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What a size record must pass before it is acted on, by any path (the schedule, a wake, a release,
 * a cluster leaving scope, the autoscaler pause): the steward wrote it (signed, or an earlier
 * version's that agrees with the group, while the config still accepts those), and its sizes are
 * within {@code scheduler.maxRestoreNodes}. A failure is a finding and a skip, and nothing is done.
 */
final class RecordGate {
  static final String OVER_CAP = "Nodegroup Over Restore Cap";

  private final SchedulerConfig config;
  private final Instant now;
  private final PlanDraft draft;
  private final Function<String, Trust> macs;

  /**
   * {@code macs}: by group ARN, what the record key said of its signed record; asked only where the
   * decision acts on that record (null: not verified in this run).
   */
  RecordGate(SchedulerConfig config, Instant now, PlanDraft draft, Function<String, Trust> macs) {
    this.config = config;
    this.now = now;
    this.draft = draft;
    this.macs = macs;
  }

  /**
   * Whether the record may be acted on: a signed one as the record key verified it, an unsigned one
   * as {@link RecordCheck} judges it. If not, the finding {@value Trust#NOT_TRUSTED} and no action.
   */
  boolean trusted(Nodegroup g, OriginalScaling record, Sealed sealed) {
    Trust trust =
        sealed.signed()
            ? macs.apply(g.arn())
            : RecordCheck.unsigned(g, sealed, record, config, now);
    if (trust == null) {
      draft.skip(g, "size record not verified in this run; the next tick decides");
      return false;
    }
    if (!trust.trusted()) {
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("tag", Contract.ORIGINAL_SCALING_TAG);
      d.put("value", g.tags().get(Contract.ORIGINAL_SCALING_TAG));
      d.put("reason", trust.reason());
      d.put("current", g.sizes().toMap());
      d.put("resolution", "not acted on: set the group's sizes yourself, then remove the tag");
      draft.find(Trust.NOT_TRUSTED, g, d);
      draft.skip(g, "size record not trusted (" + trust.reason() + "); left alone");
    }
    return trust.trusted();
  }

  /** A desired or max above the cap: reported with what was not done, and nothing done. */
  boolean overCap(Nodegroup g, Sizes sizes, String resolution) {
    int cap = config.maxRestoreNodes();
    if (sizes.desired() <= cap && sizes.max() <= cap) {
      return false;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("sizes", sizes.toMap());
    d.put("maxRestoreNodes", cap);
    d.put("resolution", resolution + "; raise scheduler.maxRestoreNodes if these sizes are right");
    draft.find(OVER_CAP, g, d);
    draft.skip(g, "sizes above scheduler.maxRestoreNodes " + cap + "; " + resolution);
    return true;
  }
}
