package dev.ekssteward.scheduler.plan;

import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Details;
import java.util.Map;

/**
 * A scale-down held back until the run has entered the cluster in the record index: a record is
 * never left where a tick could not find it once the cluster leaves the config. Report-only; the
 * run writes the index once, then scales the group down in a second round.
 */
public record AwaitIndex(String target, String cluster, String nodegroup) implements Action {
  @Override
  public Map<String, Object> details() {
    return Details.of(
        "cluster", cluster,
        "nodegroup", nodegroup,
        "reason",
            "the cluster is not in the record index yet; the run enters it, then scales down");
  }

  @Override
  public boolean mutates() {
    return false;
  }
}
