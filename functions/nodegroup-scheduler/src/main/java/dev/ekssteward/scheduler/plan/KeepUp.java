package dev.ekssteward.scheduler.plan;

import java.time.Instant;
import java.util.Map;

/** Tag {@code eks-steward/keep-up-until}: a wake request made durable on the group itself. */
public record KeepUp(String target, String cluster, String nodegroup, Instant until)
    implements SchedulerAction {

  @Override
  public Map<String, Object> details() {
    return groupDetails("until", until.toString());
  }
}
