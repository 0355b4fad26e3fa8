package dev.ekssteward.cli;

import dev.ekssteward.scheduler.plan.ScheduleSource;
import dev.ekssteward.shared.Contract;

/** A schedule's source ({@link ScheduleSource}) in a few words. */
final class Source {
  private Source() {}

  /** "the group's tag", "the cluster's tag", "the config's defaultSchedule". */
  static String words(ScheduleSource s) {
    if (s.byDefault()) {
      return "the config's scheduler.defaultSchedule";
    }
    return s.source().startsWith("cluster") ? "the cluster's tag" : "the group's tag";
  }

  /** Short, for a table column: "tag", "cluster tag", "default". */
  static String brief(ScheduleSource s) {
    if (s.byDefault()) {
      return "default";
    }
    return s.source().startsWith("cluster") ? "cluster tag" : "tag";
  }

  static final String NONE =
      "no schedule: no "
          + Contract.SCHEDULE_TAG
          + " tag on the group or its cluster and no scheduler.defaultSchedule";
}
