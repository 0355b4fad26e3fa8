package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Trust;
import java.time.Instant;

/**
 * Whether an unsigned size record may be acted on. Records of the versions before signing had no
 * night max ({@code 2-3-5@2026-11-25T18:00Z}): those versions kept the group's own max at night, so
 * such a record agrees with the group only while the group still has min 0 and exactly the recorded
 * max (an autoscaler may have moved desired within it). Only a person with UpdateNodegroupConfig
 * sets a max, so a forger who may only tag can claim at most the max that person chose (and never
 * more than {@code scheduler.maxRestoreNodes}). An unsigned record with a night max ({@code …
 * max=1}, written by unreleased builds just before signing) is not trusted: the group then shows
 * only min 0 and the night max, which confirm nothing of the recorded sizes.
 *
 * <p>That check cannot tell a forged record from a real one on a group that runs at min 0 by day
 * (scale from zero): {@code 8-8-8@…} on a 0-0-8 group agrees with it. So even an agreeing record is
 * acted on only while {@code scheduler.acceptUnsignedRecordsUntil} says the migration from those
 * versions is still going on.
 */
final class RecordCheck {
  private RecordCheck() {}

  static Trust unsigned(
      Nodegroup g, Sealed sealed, OriginalScaling record, SchedulerConfig config, Instant now) {
    // No version without signatures wrote the autoscaler's tags into a record either.
    if (sealed.body().contains("max=") || OriginalScaling.mentionsAutoscaler(sealed.body())) {
      return Trust.not("unsigned");
    }
    if (!config.acceptsUnsignedRecords(now)) {
      Instant until = config.acceptUnsignedRecordsUntil();
      return Trust.not(
          "unsigned record of an earlier version, "
              + (until == null
                  ? "not accepted (scheduler.acceptUnsignedRecordsUntil is not set)"
                  : "not accepted since scheduler.acceptUnsignedRecordsUntil " + until));
    }
    if (record.asleep(g.sizes())) {
      return Trust.legacy("unsigned record of an earlier version; it agrees with the group");
    }
    return Trust.not(
        "unsigned, and it does not agree with the group: an earlier version would have left min 0"
            + " and max "
            + record.sizes().max()
            + ", the group has min "
            + g.sizes().min()
            + " and max "
            + g.sizes().max());
  }
}
