package dev.ekssteward.scheduler.plan;

import java.time.Instant;
import java.util.Map;

/** Tag {@code eks-steward/keep-up-until}: a wake request made durable on the group itself. */
public record KeepUp(String target, String cluster, String nodegroup, Instant until)
    implements SchedulerAction {
  /** Gives back what a scale-down took: the change limits never hold it back. */
  @Override
  public boolean restores() {
    return true;
  }

  @Override
  public Map<String, Object> details() {
    return groupDetails("until", until.toString());
  }
}
