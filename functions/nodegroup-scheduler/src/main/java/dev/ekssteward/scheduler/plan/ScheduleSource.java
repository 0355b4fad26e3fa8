package dev.ekssteward.scheduler.plan;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.config.SchedulerConfig;
import java.util.Map;

/**
 * Where a node group's schedule comes from: its own {@code eks-steward/schedule} tag, then its
 * cluster's, then {@code scheduler.defaultSchedule}. Public so the operator CLI (local/cli) names
 * the same source the scheduler acts on.
 *
 * @param source "nodegroup tag eks-steward/schedule", "cluster tag ..." or {@link #BY_DEFAULT}
 * @param value the schedule value found there
 */
public record ScheduleSource(String source, String value) {
  public static final String BY_DEFAULT = "config scheduler.defaultSchedule";

  /** The schedule that applies to a group with these tags, or null when none does. */
  public static ScheduleSource of(
      Map<String, String> groupTags, Map<String, String> clusterTags, SchedulerConfig config) {
    if (groupTags.containsKey(Contract.SCHEDULE_TAG)) {
      return new ScheduleSource(
          "nodegroup tag " + Contract.SCHEDULE_TAG, groupTags.get(Contract.SCHEDULE_TAG));
    }
    if (clusterTags.containsKey(Contract.SCHEDULE_TAG)) {
      return new ScheduleSource(
          "cluster tag " + Contract.SCHEDULE_TAG, clusterTags.get(Contract.SCHEDULE_TAG));
    }
    if (config.defaultSchedule() != null) {
      return new ScheduleSource(BY_DEFAULT, config.defaultSchedule());
    }
    return null;
  }

  public boolean byDefault() {
    return BY_DEFAULT.equals(source);
  }
}
