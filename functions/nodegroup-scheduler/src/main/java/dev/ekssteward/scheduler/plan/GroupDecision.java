package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.schedule.InvalidSchedule;
import dev.ekssteward.scheduler.schedule.Schedule;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.metrics.Metrics;
import dev.ekssteward.shared.pipeline.LookAgain;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Trust;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides one node group: up or down, and the step that gets it there without ever losing the
 * recorded original size. The record is the only state, and it lives on the group: so a record is
 * acted on only when the steward wrote it (signed, or, while the config accepts them, an earlier
 * version's that agrees with the group) and only up to {@code scheduler.maxRestoreNodes} ({@link
 * RecordGate}), whichever path acts on it (the schedule, a wake, a release, a cluster leaving
 * scope, the autoscaler pause).
 */
final class GroupDecision {
  static final String SCHEDULE_INVALID = "Schedule Invalid";
  static final String CHANGED_WHILE_DOWN = "Nodegroup Changed While Down";
  static final String RECORD_MISSING = "Nodegroup Record Missing";
  static final String OVER_CAP = RecordGate.OVER_CAP;

  static final String NOT_ACTIVE = "Nodegroup Not Active";

  /** Statuses EKS does not leave by itself: the group is not scheduled until someone acts. */
  private static final Set<String> STUCK = Set.of("CREATE_FAILED", "DELETE_FAILED");

  /**
   * A new group is looked at again every 5 minutes, 6 times: EKS takes a few minutes to create one
   * (DESIGN §5), so half an hour without ACTIVE is worth a finding.
   */
  static final Duration LOOK_EVERY = Duration.ofMinutes(5);

  static final int LOOKS = 6;

  private static final String BY_DEFAULT = ScheduleSource.BY_DEFAULT;

  private final Cluster cluster;
  private final SchedulerConfig config;
  private final Instant now;
  private final RunFacts facts;
  private final PlanDraft draft;
  private final AutoscalerSteps autoscaler;
  private final boolean created;
  private final RecordGate gate;

  /**
   * {@code created}: the scope is the group a CreateNodegroup call named, or a later look at it.
   * {@code macs}: by group ARN, what the record key said of its signed record (see {@link
   * RecordGate}).
   */
  GroupDecision(
      Cluster cluster,
      SchedulerConfig config,
      Instant now,
      RunFacts facts,
      PlanDraft draft,
      boolean created,
      Function<String, Trust> macs) {
    this.cluster = cluster;
    this.config = config;
    this.now = now;
    this.facts = facts;
    this.draft = draft;
    this.autoscaler = new AutoscalerSteps(draft);
    this.created = created;
    this.gate = new RecordGate(config, now, draft, macs);
  }

  /** {@code wakeUntil} is set for a wake request: the group stays up regardless of schedule. */
  void evaluate(Nodegroup g, Instant wakeUntil) {
    if (!g.acceptsScaling()) {
      notActive(g, wakeUntil);
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
      up(g, record, sealed, "excluded", false);
      return;
    }
    if (facts.outOfScope() != null) {
      up(g, record, sealed, facts.outOfScope(), false);
      return;
    }
    if (facts.pausedUntil() != null && facts.pausedUntil().isAfter(now)) {
      up(g, record, sealed, "released: scale-downs paused until " + facts.pausedUntil(), true);
      return;
    }
    if (wakeUntil != null) {
      up(g, record, sealed, "wake request until " + wakeUntil, true);
      return;
    }
    String[] source = scheduleSource(g);
    if (source == null) {
      up(g, record, sealed, "no schedule applies any more", false);
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
      up(g, record, sealed, "inside the schedule's uptime", true);
    } else if (keepUp != null && keepUp.isAfter(now)) {
      up(g, record, sealed, Contract.KEEP_UP_UNTIL_TAG + " " + keepUpValue, true);
    } else {
      down(g, record, sealed, schedule, source[0].equals(BY_DEFAULT));
    }
  }

  /**
   * A group the tick finds in transition waits for the next tick. A new one (the CreateNodegroup
   * event arrives while it is still CREATING) is looked at again within minutes of becoming ACTIVE
   * instead, and one that failed to be created is reported at once. One in a status it will not
   * leave by itself (CREATE_FAILED, DELETE_FAILED) is reported on every run while it carries a
   * record to restore or should go down: nobody would otherwise learn that it is not scheduled.
   */
  private void notActive(Nodegroup g, Instant wakeUntil) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("status", g.status());
    if (created && ("CREATING".equals(g.status()) || "UPDATING".equals(g.status()))) {
      // What happens next (a look, or the give-up finding) is the pipeline's to say: pending.
      draft.skip(g, "status " + g.status() + "; not ACTIVE yet");
      draft.lookAgain(new LookAgain(LOOK_EVERY, LOOKS, draft.finding(NOT_ACTIVE, g, d)));
    } else if (created && "CREATE_FAILED".equals(g.status())) {
      draft.find(NOT_ACTIVE, g, d);
      draft.skip(g, "status CREATE_FAILED; it will not become ACTIVE");
    } else if (STUCK.contains(g.status()) && wanted(g, wakeUntil)) {
      draft.find(NOT_ACTIVE, g, d);
      draft.skip(g, "status " + g.status() + "; it will not become ACTIVE by itself");
    } else {
      draft.skip(g, "status " + g.status() + "; the next tick retries");
    }
  }

  /** Whether the scheduler would change the group now: a record to act on, or a night to begin. */
  private boolean wanted(Nodegroup g, Instant wakeUntil) {
    if (g.tags().containsKey(Contract.ORIGINAL_SCALING_TAG)) {
      return true;
    }
    String[] source = scheduleSource(g);
    if (wakeUntil != null
        || source == null
        || g.sizes().isZero()
        || excluded(g.tags())
        || excluded(cluster.tags())) {
      return false;
    }
    try {
      return !ScheduleValue.parse(source[1], config).isUp(now);
    } catch (InvalidSchedule e) {
      return false;
    }
  }

  /**
   * {@code scheduled}: the group is ours to keep up now (its schedule's uptime, a wake, a release),
   * so a group left at zero without a record is worth a finding.
   */
  private void up(
      Nodegroup g, OriginalScaling record, Sealed sealed, String reason, boolean scheduled) {
    if (record == null) {
      if (scheduled) {
        recordMissing(g);
      }
      return;
    }
    if (!gate.trusted(g, record, sealed)) {
      return;
    }
    // Over the cap: nothing at all, not even the autoscaler's tags back (it would scale the group
    // within a night max nobody restores).
    if (record.asleep(g.sizes()) && gate.overCap(g, record.sizes(), "not restored")) {
      return;
    }
    // Autoscaler tags back first; the record stays until a later look sees them back.
    boolean resuming = autoscaler.resume(g, record);
    // Still the night state, whatever an autoscaler did to desired within it: restore the record.
    if (record.asleep(g.sizes())) {
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
              RequestToken.of(g.arn(), "up", record.sizes(), record.downAt(), record.downAt()),
              resuming));
      draft.count("ScaledUp", 1);
      savings(g, avoided);
    } else if (resuming) {
      return;
    } else if (g.sizes().equals(record.sizes())) {
      draft.act(new DropRecord(g.arn(), g.cluster(), g.name(), "sizes already restored"));
    } else if (autoscaled(g, record)) {
      // Up with the recorded min and max: only an autoscaler moved desired (DESIGN §5).
      draft.act(
          new DropRecord(
              g.arn(), g.cluster(), g.name(), "min and max already restored; desired autoscaled"));
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

  /**
   * The node-hours a restore ends (recorded desired × hours down) and, at the configured price of
   * the group's first instance type, what they would have cost: per cluster.
   */
  private void savings(Nodegroup g, double avoided) {
    draft.count(Metrics.perCluster("NodeHoursAvoided"), avoided);
    Double price = config.prices().of(g.instanceType());
    if (price != null) {
      draft.count(Metrics.perCluster("EstimatedSavingsUSD"), avoided * price);
    }
  }

  /** {@code byDefault}: the schedule is the config's default, not a tag of the group or cluster. */
  private void down(
      Nodegroup g, OriginalScaling record, Sealed sealed, Schedule schedule, boolean byDefault) {
    Instant periodStart = schedule.periodStart(now);
    if (record != null) {
      if (record.asleep(g.sizes())) {
        // Only a step that writes the record again (the autoscaler pause's) verifies it at night:
        // signing a record nobody verified would launder a forged one.
        boolean rewrites =
            autoscaler.paused(record)
                && (autoscaler.needsPause(g, record) || g.sizes().desired() > 0);
        if (rewrites && !gate.trusted(g, record, sealed)) {
          return;
        }
        if (autoscaler.keepPaused(g, record)) {
          return;
        }
        if (autoscaler.paused(record) && g.sizes().desired() > 0) {
          // Cluster Autoscaler raised it before it forgot the group; nothing else manages it now.
          String token = RequestToken.of(g.arn(), "down", g.sizes(), periodStart, now);
          draft.change(byDefault);
          draft.act(new ScaleDown(g.arn(), g.cluster(), g.name(), record, g.sizes(), token));
          return;
        }
        // An autoscaler may keep up to the night max running; the record waits for the morning,
        // and is verified only then. An earlier version's unsigned record is signed while it
        // still agrees with the group.
        draft.count("NodesAwakeAtNight", g.sizes().desired());
        // What the schedule keeps off right now, so the dashboard shows the night as it goes.
        draft.count(
            Metrics.perCluster("NodesAsleep"),
            Math.max(0, record.sizes().desired() - g.sizes().desired()));
        if (!sealed.signed() && RecordCheck.unsigned(g, sealed, record, config, now).trusted()) {
          draft.act(
              new ResignRecord(
                  g.arn(), g.cluster(), g.name(), record, "unsigned record of an earlier version"));
        }
        return;
      }
      boolean autoscaled = autoscaled(g, record);
      if (!g.sizes().equals(record.sizes()) && !autoscaled) {
        draft.skip(g, "changed by hand while down; left alone until the next uptime");
        return;
      }
      // The record was written but the scale-down did not finish: finish it. A new record takes
      // nothing from the old one but its time, so it needs no trust: the sizes are the group's
      // own. The recorded min and max with another desired is an autoscaler's doing (DESIGN §5):
      // the record keeps the original desired. That, and the autoscaler's tags a record that took
      // them off remembers, only a verified record may pass on.
      if ((autoscaled || autoscaler.paused(record)) && !gate.trusted(g, record, sealed)) {
        return;
      }
      Instant downAt = record.downAt().isBefore(periodStart) ? now : record.downAt();
      OriginalScaling again =
          autoscaler.paused(record)
              ? record.at(downAt)
              : OriginalScaling.of(record.sizes(), downAt, config.nightMaxSize());
      if (overCapToScaleDown(g, again)) {
        return;
      }
      autoscaler.keepPaused(g, again);
      // A new token: the earlier request's would be answered as its replay, changing nothing (a
      // person set the recorded sizes back after it went through). A retry of this run is safe
      // without the same token: if the update went through, the group is UPDATING or asleep.
      scaleDown(g, again, g.sizes(), periodStart, now, byDefault);
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
    OriginalScaling fresh = OriginalScaling.of(g.sizes(), now, config.nightMaxSize());
    if (overCapToScaleDown(g, fresh)) {
      return;
    }
    if (facts.indexed()) {
      fresh = autoscaler.pause(g, fresh, config.pausesClusterAutoscaler());
    }
    scaleDown(g, fresh, g.sizes(), periodStart, fresh.downAt(), byDefault);
  }

  /** Min and max as recorded, desired not: what an autoscaler does, never a person's change. */
  private static boolean autoscaled(Nodegroup g, OriginalScaling record) {
    Sizes now = g.sizes();
    Sizes recorded = record.sizes();
    return now.min() == recorded.min()
        && now.max() == recorded.max()
        && now.desired() != recorded.desired();
  }

  /** A record above the cap would not be restored: so the group is not scaled down either. */
  private boolean overCapToScaleDown(Nodegroup g, OriginalScaling record) {
    return gate.overCap(g, record.sizes(), "not scaled down: its record could not be restored");
  }

  /**
   * A scale-down counts against the change limits, also one held back until the index names its
   * cluster; by the config's default it is inferred: one mistaken {@code defaultSchedule} would
   * take down every untagged group of the fleet at once. {@code before}: the sizes it leaves;
   * {@code requested}: the time the request token is derived from (with the group, the sizes and
   * the period).
   */
  private void scaleDown(
      Nodegroup g,
      OriginalScaling record,
      Sizes before,
      Instant periodStart,
      Instant requested,
      boolean byDefault) {
    draft.change(byDefault);
    if (!facts.indexed()) {
      draft.act(new AwaitIndex(g.arn(), g.cluster(), g.name()));
      return;
    }
    String token = RequestToken.of(g.arn(), "down", record.sizes(), periodStart, requested);
    draft.act(new ScaleDown(g.arn(), g.cluster(), g.name(), record, before, token));
    draft.count("ScaledDown", 1);
  }

  /**
   * At zero in its uptime, without a record, and with a max no larger than a night max: what a
   * scale-down leaves, so its record was probably deleted. Its sizes cannot be restored; say so.
   */
  private void recordMissing(Nodegroup g) {
    Sizes s = g.sizes();
    if (s.min() != 0 || s.desired() != 0 || s.max() > config.nightMaxSize()) {
      return;
    }
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("current", s.toMap());
    d.put(
        "reason",
        "at min 0 / desired 0 while it should be up, and no "
            + Contract.ORIGINAL_SCALING_TAG
            + " record: if eks-steward scaled it down, its record was deleted and its sizes"
            + " cannot be restored; set them by hand");
    draft.find(RECORD_MISSING, g, d);
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
    ScheduleSource found = ScheduleSource.of(g.tags(), cluster.tags(), config);
    return found == null ? null : new String[] {found.source(), found.value()};
  }

  private static boolean excluded(Map<String, String> tags) {
    return "true".equalsIgnoreCase(tags.get(Contract.EXCLUDE_TAG));
  }
}
