package dev.ekssteward.cli;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.plan.ScheduleSource;
import dev.ekssteward.scheduler.schedule.InvalidSchedule;
import dev.ekssteward.scheduler.schedule.Schedule;
import dev.ekssteward.scheduler.schedule.ScheduleValue;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.trust.RecordSigner;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scheduled node group as {@code status} shows it: its schedule and where it came from, up or
 * down (down: its size record says the scheduler took it to the night state), since when, the
 * recorded sizes, and the schedule's next change. {@code attention}: what the scheduler would
 * report or refuse (an invalid schedule, a record it cannot read or would not trust).
 */
record GroupStatus(
    String target,
    String cluster,
    String nodegroup,
    String schedule,
    String source,
    String state,
    String downSince,
    String recorded,
    String nextChange,
    String record,
    List<String> attention) {

  /** Null when the group is not scheduled: no schedule applies and it holds no record. */
  static GroupStatus of(
      Target target,
      Cluster cluster,
      Nodegroup g,
      SchedulerConfig config,
      RecordSigner signer,
      Instant now) {
    ScheduleSource source = ScheduleSource.of(g.tags(), cluster.tags(), config);
    RecordView record = RecordView.of(g, signer);
    if (source == null && !record.present()) {
      return null;
    }
    List<String> attention = new ArrayList<>();
    Schedule schedule = null;
    if (source != null) {
      try {
        schedule = ScheduleValue.parse(source.value(), config);
      } catch (InvalidSchedule e) {
        attention.add("invalid schedule: " + e.getMessage());
      }
    }
    if (record.suspect()) {
      attention.add(record.words());
    }
    boolean excluded =
        "true".equalsIgnoreCase(g.tags().get(Contract.EXCLUDE_TAG))
            || "true".equalsIgnoreCase(cluster.tags().get(Contract.EXCLUDE_TAG));
    boolean down = record.record() != null && record.record().asleep(g.sizes());
    String state =
        !g.isActive() ? g.status() : down ? "down" : g.sizes().isZero() ? "up (at zero)" : "up";
    if (excluded) {
      state += ", excluded";
    }
    return new GroupStatus(
        target.toString(),
        cluster.name(),
        g.name(),
        source == null ? "-" : source.value(),
        source == null ? "-" : Source.brief(source),
        state,
        down ? record.record().downAt().toString() : "-",
        record.record() == null ? "-" : record.record().sizes().encode(),
        excluded ? "-" : next(schedule, g, now),
        record.words(),
        attention);
  }

  /** The schedule's next change, or the end of a keep-up-until that holds the group up. */
  private static String next(Schedule schedule, Nodegroup g, Instant now) {
    if (schedule == null) {
      return "-";
    }
    String keep = g.tags().get(Contract.KEEP_UP_UNTIL_TAG);
    if (keep != null && !schedule.isUp(now)) {
      try {
        Instant until = Instant.parse(keep.trim());
        if (until.isAfter(now)) {
          return "down after " + until + " (" + Contract.KEEP_UP_UNTIL_TAG + ")";
        }
      } catch (DateTimeParseException e) {
        // the scheduler reports it (Schedule Invalid); the schedule alone decides here
      }
    }
    NextChange next = NextChange.after(schedule, now);
    return next == null ? "none within " + NextChange.HORIZON.toDays() + " days" : next.words();
  }

  List<String> row() {
    return List.of(
        cluster,
        nodegroup,
        schedule + (source.equals("-") ? "" : " (" + source + ")"),
        state,
        downSince,
        recorded,
        nextChange,
        record
            + (attention.isEmpty() || attention.equals(List.of(record))
                ? ""
                : "; " + String.join("; ", attention)));
  }

  Map<String, Object> json() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("target", target);
    m.put("cluster", cluster);
    m.put("nodegroup", nodegroup);
    m.put("schedule", schedule.equals("-") ? null : schedule);
    m.put("scheduleSource", source.equals("-") ? null : source);
    m.put("state", state);
    m.put("downSince", downSince.equals("-") ? null : downSince);
    m.put("recordedSizes", recorded.equals("-") ? null : recorded);
    m.put("nextChange", nextChange);
    m.put("record", record);
    m.put("attention", attention);
    return m;
  }
}
