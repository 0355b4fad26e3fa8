package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.schedule.InvalidSchedule;
import dev.ekssteward.scheduler.schedule.Schedule;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides one node group: up or down, and the step that gets it there without ever losing the
 * recorded original size. The record is the only state, and it lives on the group.
 */
final class GroupDecision {
  static final String SCHEDULE_INVALID = "Schedule Invalid";
  static final String CHANGED_WHILE_DOWN = "Nodegroup Changed While Down";
  private static final String BY_DEFAULT = "config scheduler.defaultSchedule";

  private final Cluster cluster;
  private final SchedulerConfig config;
  private final Instant now;
  private final PlanDraft draft;

  GroupDecision(Cluster cluster, SchedulerConfig config, Instant now, PlanDraft draft) {
    this.cluster = cluster;
    this.config = config;
    this.now = now;
    this.draft = draft;
  }

  /** {@code wakeUntil} is set for a wake request: the group stays up regardless of schedule. */
  void evaluate(Nodegroup g, Instant wakeUntil) {
    if (!g.isActive()) {
      draft.skip(g, "status " + g.status() + "; the next tick retries");
      return;
    }
    OriginalScaling record;
    try {
      String raw = g.tags().get(Contract.ORIGINAL_SCALING_TAG);
      record = raw == null ? null : OriginalScaling.parse(raw);
    } catch (IllegalArgumentException e) {
      draft.skip(
          g, "unreadable " + Contract.ORIGINAL_SCALING_TAG + " " + e.getMessage() + "; left alone");
      return;
    }
    if (excluded(g.tags()) || excluded(cluster.tags())) {
      up(g, record, "excluded");
      return;
    }
    if (wakeUntil != null) {
      up(g, record, "wake request until " + wakeUntil);
      return;
    }
    String[] source = scheduleSource(g);
    if (source == null) {
      up(g, record, "no schedule applies any more");
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
      up(g, record, "inside the schedule's uptime");
    } else if (keepUp != null && keepUp.isAfter(now)) {
      up(g, record, Contract.KEEP_UP_UNTIL_TAG + " " + keepUpValue);
    } else {
      down(g, record, schedule, source[0].equals(BY_DEFAULT));
    }
  }

  private void up(Nodegroup g, OriginalScaling record, String reason) {
    if (record == null) {
      return;
    }
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

  /** {@code byDefault}: the schedule is the config's default, not a tag of the group or cluster. */
  private void down(Nodegroup g, OriginalScaling record, Schedule schedule, boolean byDefault) {
    Instant periodStart = schedule.periodStart(now);
    if (record != null) {
      if (record.asleep(g.sizes())) {
        // An autoscaler may keep up to the night max running; the record waits for the morning.
        draft.count("NodesAwakeAtNight", g.sizes().desired());
        return;
      }
      if (!g.sizes().equals(record.sizes())) {
        draft.skip(g, "changed by hand while down; left alone until the next uptime");
        return;
      }
      // The record was written but the scale-down did not finish: finish it.
      Instant downAt = record.downAt().isBefore(periodStart) ? now : record.downAt();
      scaleDown(g, record.at(downAt), periodStart, byDefault);
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
    scaleDown(g, OriginalScaling.of(g.sizes(), now, config.nightMaxSize()), periodStart, byDefault);
  }

  /**
   * A scale-down counts against the change limits; by the config's default it is inferred: one
   * mistaken {@code defaultSchedule} would take down every untagged group of the fleet at once.
   */
  private void scaleDown(
      Nodegroup g, OriginalScaling record, Instant periodStart, boolean byDefault) {
    String token = RequestToken.of(g.arn(), "down", record.sizes(), periodStart, record.downAt());
    draft.act(new ScaleDown(g.arn(), g.cluster(), g.name(), record, token));
    draft.count("ScaledDown", 1);
    draft.change(byDefault);
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
      return new String[] {BY_DEFAULT, config.defaultSchedule()};
    }
    return null;
  }

  private static boolean excluded(Map<String, String> tags) {
    return "true".equalsIgnoreCase(tags.get(Contract.EXCLUDE_TAG));
  }
}
