package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.schedule.InvalidSchedule;
import dev.ekssteward.scheduler.schedule.Schedule;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Trust;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Decides one node group: up or down, and the step that gets it there without ever losing the
 * recorded original size. The record is the only state, and it lives on the group: so a record is
 * acted on only when the steward wrote it (signed, or an earlier version's that agrees with the
 * group) and only up to {@code scheduler.maxRestoreNodes}.
 */
final class GroupDecision {
  static final String SCHEDULE_INVALID = "Schedule Invalid";
  static final String CHANGED_WHILE_DOWN = "Nodegroup Changed While Down";
  static final String OVER_CAP = "Nodegroup Over Restore Cap";

  private final Cluster cluster;
  private final SchedulerConfig config;
  private final Instant now;
  private final PlanDraft draft;
  private final Function<String, Trust> macs;

  /**
   * {@code macs}: by group ARN, what the record key said of its signed record; asked only where the
   * decision acts on that record (null: not verified in this run).
   */
  GroupDecision(
      Cluster cluster,
      SchedulerConfig config,
      Instant now,
      PlanDraft draft,
      Function<String, Trust> macs) {
    this.cluster = cluster;
    this.config = config;
    this.now = now;
    this.draft = draft;
    this.macs = macs;
  }

  /** {@code wakeUntil} is set for a wake request: the group stays up regardless of schedule. */
  void evaluate(Nodegroup g, Instant wakeUntil) {
    if (!g.isActive()) {
      draft.skip(g, "status " + g.status() + "; the next tick retries");
      return;
    }
    OriginalScaling record;
    String raw = g.tags().get(Contract.ORIGINAL_SCALING_TAG);
    Sealed sealed = raw == null ? null : Sealed.parse(raw);
    try {
      record = raw == null ? null : OriginalScaling.parse(sealed.body());
    } catch (IllegalArgumentException e) {
      draft.skip(
          g, "unreadable " + Contract.ORIGINAL_SCALING_TAG + " " + e.getMessage() + "; left alone");
      return;
    }
    if (excluded(g.tags()) || excluded(cluster.tags())) {
      up(g, record, sealed, "excluded");
      return;
    }
    if (wakeUntil != null) {
      up(g, record, sealed, "wake request until " + wakeUntil);
      return;
    }
    String[] source = scheduleSource(g);
    if (source == null) {
      up(g, record, sealed, "no schedule applies any more");
      return;
    }
    Schedule schedule;
    Instant keepUp;
    try {
      schedule = ScheduleValue.parse(source[1], config);
    } catch (InvalidSchedule e) {
      invalid(g, source[0], source[1], e.getMessage());
      return;
    }
    String keepUpValue = g.tags().get(Contract.KEEP_UP_UNTIL_TAG);
    try {
      keepUp = keepUpValue == null ? null : Instant.parse(keepUpValue.trim());
    } catch (DateTimeParseException e) {
      invalid(
          g,
          Contract.KEEP_UP_UNTIL_TAG,
          keepUpValue,
          "not an ISO-8601 instant like 2026-11-25T23:00:00Z");
      return;
    }
    if (schedule.isUp(now)) {
      up(g, record, sealed, "inside the schedule's uptime");
    } else if (keepUp != null && keepUp.isAfter(now)) {
      up(g, record, sealed, Contract.KEEP_UP_UNTIL_TAG + " " + keepUpValue);
    } else {
      down(g, record, sealed, schedule);
    }
  }

  private void up(Nodegroup g, OriginalScaling record, Sealed sealed, String reason) {
    if (record == null || !trusted(g, record, sealed)) {
      return;
    }
    // Still the night state, whatever an autoscaler did to desired within it: restore the record.
    if (record.asleep(g.sizes())) {
      if (overCap(g, record.sizes(), "not restored")) {
        return;
      }
      double avoided = record.nodeHoursUntil(now);
      draft.act(
          new Restore(
              g.arn(),
              g.cluster(),
              g.name(),
              g.sizes(),
              record,
              reason,
              avoided,
              RequestToken.of(g.arn(), "up", record.sizes(), record.downAt(), record.downAt())));
      draft.count("ScaledUp", 1);
      draft.count("NodeHoursAvoided", avoided);
    } else if (g.sizes().equals(record.sizes())) {
      draft.act(new DropRecord(g.arn(), g.cluster(), g.name(), "sizes already restored"));
    } else {
      draft.act(
          new DropRecord(g.arn(), g.cluster(), g.name(), "changed by hand while down; kept as is"));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("recorded", record.sizes().toMap());
      d.put("current", g.sizes().toMap());
      d.put("downSince", record.downAt().toString());
      draft.find(CHANGED_WHILE_DOWN, g, d);
    }
  }

  private void down(Nodegroup g, OriginalScaling record, Sealed sealed, Schedule schedule) {
    Instant periodStart = schedule.periodStart(now);
    if (record != null) {
      if (record.asleep(g.sizes())) {
        // An autoscaler may keep up to the night max running; the record waits for the morning,
        // and is verified only then. An earlier version's unsigned record is signed while it
        // still agrees with the group.
        draft.count("NodesAwakeAtNight", g.sizes().desired());
        if (!sealed.signed() && RecordCheck.unsigned(g, sealed, record).trusted()) {
          draft.act(
              new ResignRecord(
                  g.arn(), g.cluster(), g.name(), record, "unsigned record of an earlier version"));
        }
        return;
      }
      if (!g.sizes().equals(record.sizes())) {
        draft.skip(g, "changed by hand while down; left alone until the next uptime");
        return;
      }
      // The record was written but the scale-down did not finish: finish it. The new record
      // takes nothing from the old one but its time, so it needs no trust: the sizes are the
      // group's own.
      Instant downAt = record.downAt().isBefore(periodStart) ? now : record.downAt();
      scaleDown(g, OriginalScaling.of(g.sizes(), downAt, config.nightMaxSize()), periodStart);
      return;
    }
    if (g.sizes().isZero()) {
      draft.skip(g, "already at min 0 / desired 0; nothing to record");
      return;
    }
    Duration grace = Duration.ofMinutes(config.gracePeriodMinutes());
    if (g.createdAt() != null && g.createdAt().plus(grace).isAfter(now)) {
      draft.skip(g, "younger than the grace period of " + grace.toMinutes() + " min");
      return;
    }
    scaleDown(g, OriginalScaling.of(g.sizes(), now, config.nightMaxSize()), periodStart);
  }

  private void scaleDown(Nodegroup g, OriginalScaling record, Instant periodStart) {
    if (overCap(g, record.sizes(), "not scaled down: its record could not be restored")) {
      return;
    }
    String token = RequestToken.of(g.arn(), "down", record.sizes(), periodStart, record.downAt());
    draft.act(new ScaleDown(g.arn(), g.cluster(), g.name(), record, token));
    draft.count("ScaledDown", 1);
  }

  /**
   * Whether the record may be acted on: a signed one as the record key verified it, an unsigned one
   * as {@link RecordCheck} judges it. If not, the finding {@value Trust#NOT_TRUSTED} and no action.
   */
  private boolean trusted(Nodegroup g, OriginalScaling record, Sealed sealed) {
    Trust trust = sealed.signed() ? macs.apply(g.arn()) : RecordCheck.unsigned(g, sealed, record);
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
  private boolean overCap(Nodegroup g, Sizes sizes, String resolution) {
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

  private void invalid(Nodegroup g, String source, String value, String reason) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    d.put("value", value);
    d.put("reason", reason);
    draft.find(SCHEDULE_INVALID, g, d);
    draft.skip(g, "invalid schedule: " + reason);
  }

  /** {source, value}: node group tag, then cluster tag, then the config default; or null. */
  private String[] scheduleSource(Nodegroup g) {
    if (g.tags().containsKey(Contract.SCHEDULE_TAG)) {
      return new String[] {
        "nodegroup tag " + Contract.SCHEDULE_TAG, g.tags().get(Contract.SCHEDULE_TAG)
      };
    }
    if (cluster.tags().containsKey(Contract.SCHEDULE_TAG)) {
      return new String[] {
        "cluster tag " + Contract.SCHEDULE_TAG, cluster.tags().get(Contract.SCHEDULE_TAG)
      };
    }
    if (config.defaultSchedule() != null) {
      return new String[] {"config scheduler.defaultSchedule", config.defaultSchedule()};
    }
    return null;
  }

  private static boolean excluded(Map<String, String> tags) {
    return "true".equalsIgnoreCase(tags.get(Contract.EXCLUDE_TAG));
  }
}
