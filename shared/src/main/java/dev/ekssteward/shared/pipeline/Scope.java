package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.Trigger;

/**
 * One unit of work the pipeline runs observe, plan and apply for: usually one cluster in one
 * target. {@code cluster} may be null for work that is not per cluster (extra OIDC issuers).
 */
public record Scope(Target target, String cluster, Trigger trigger) {
  @Override
  public String toString() {
    return target + (cluster == null ? "" : "/" + cluster);
  }
}
