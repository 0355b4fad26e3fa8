package dev.ekssteward.shared.pipeline;

/**
 * How far a plan reaches, for the run's change limits ({@code limits}): what it looked at and what
 * it would take away. Written by each function's planner, which alone knows why it acts.
 *
 * @param lookedAt the resources the plan was made from (node groups, managed Fargate profiles,
 *     issuers, tagged resources)
 * @param changes the planned steps that take capacity or access away: scale-downs, profile
 *     deletions, thumbprint removals, tag removals or overwrites; never a restore or a create,
 *     which a cap must not block (a fleet left at zero is worse than one left up)
 * @param inferred those of {@code changes} that nothing on or about the resource asked for by name:
 *     a scale-down by {@code scheduler.defaultSchedule}, a prune of a profile the desired state
 *     does not list. They count against {@code maxChangesPercent}.
 */
public record Reach(int lookedAt, int changes, int inferred) {
  public static final Reach NONE = new Reach(0, 0, 0);

  public Reach {
    if (lookedAt < 0 || changes < 0 || inferred < 0 || inferred > changes) {
      throw new IllegalArgumentException(
          "reach " + lookedAt + "/" + changes + "/" + inferred + " is inconsistent");
    }
  }

  public Reach plus(Reach other) {
    return new Reach(lookedAt + other.lookedAt, changes + other.changes, inferred + other.inferred);
  }
}
