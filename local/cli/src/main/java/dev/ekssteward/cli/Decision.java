package dev.ekssteward.cli;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.DropRecord;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.scheduler.plan.PauseAutoscaler;
import dev.ekssteward.scheduler.plan.Restore;
import dev.ekssteward.scheduler.plan.ResumeAutoscaler;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.scheduler.plan.ScheduleSource;
import dev.ekssteward.scheduler.schedule.Schedule;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The scheduler's plan for one group, in words: what it would do and why, naming the schedule and
 * where it came from. Pure: {@code explain} and its tests give it the plan the scheduler's own
 * planner made.
 */
final class Decision {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm");

  private Decision() {}

  /**
   * One line per action of the plan, then one per finding; "nothing to do" with the reason when the
   * plan is empty. {@code source} and {@code schedule} may be null (none applies, or invalid).
   */
  static List<String> words(
      Plan plan, Nodegroup g, ScheduleSource source, Schedule schedule, Instant at) {
    List<String> lines = new ArrayList<>();
    for (Action a : plan.actions()) {
      lines.add(action(a, source, schedule, at));
    }
    for (Finding f : plan.findings()) {
      lines.add("finding " + f.detailType() + ": " + Json.write(f.detail()));
    }
    if (lines.isEmpty()) {
      lines.add("nothing to do: " + idle(g, source, schedule, at));
    }
    return lines;
  }

  private static String action(Action a, ScheduleSource source, Schedule schedule, Instant at) {
    if (a instanceof ScaleDown s) {
      String when =
          schedule == null || schedule.periodStart(at).equals(Instant.EPOCH)
              ? "now"
              : "at " + local(schedule, schedule.periodStart(at), TIME);
      return "scale down "
          + when
          + by(source)
          + ": to "
          + sizes(s.after())
          + ", recording "
          + s.record().sizes().encode();
    }
    if (a instanceof Restore r) {
      return "restore to " + sizes(r.record().sizes()) + " (" + r.reason() + ")" + by(source);
    }
    if (a instanceof PauseAutoscaler p) {
      return "take Cluster Autoscaler's discovery tags off "
          + String.join(", ", p.autoScalingGroups())
          + " (the record keeps them), so it leaves the group alone at night";
    }
    if (a instanceof ResumeAutoscaler r) {
      return "put Cluster Autoscaler's discovery tags back on "
          + String.join(", ", r.autoScalingGroups());
    }
    if (a instanceof DropRecord d) {
      return "drop the size record, sizes unchanged: " + d.reason();
    }
    if (a instanceof Action.Skip skip) {
      return "leave it alone: " + skip.reason();
    }
    return a.type() + " " + Json.write(a.details());
  }

  private static String idle(Nodegroup g, ScheduleSource source, Schedule schedule, Instant at) {
    if (source == null) {
      return Source.NONE;
    }
    if (schedule == null) {
      return "the schedule does not parse";
    }
    String where = "schedule " + source.value() + " from " + Source.words(source);
    if (schedule.isUp(at)) {
      return "up, inside the uptime of " + where;
    }
    String raw = g.tags().get(dev.ekssteward.shared.Contract.ORIGINAL_SCALING_TAG);
    if (raw != null) {
      return "already down since the scheduler recorded it (" + where + ")";
    }
    return "down by " + where;
  }

  private static String by(ScheduleSource source) {
    return source == null ? "" : " by schedule " + source.value() + " from " + Source.words(source);
  }

  static String sizes(Sizes s) {
    return "min " + s.min() + " / desired " + s.desired() + " / max " + s.max();
  }

  /** When the group went down, per its record. */
  static String downSince(OriginalScaling record) {
    return record.downAt().toString();
  }

  static String local(Schedule schedule, Instant t, DateTimeFormatter f) {
    return ZonedDateTime.ofInstant(t, schedule.zone()).format(f);
  }

  static String day(Schedule schedule, Instant t) {
    return local(schedule, t, DAY) + " " + schedule.zone();
  }
}
