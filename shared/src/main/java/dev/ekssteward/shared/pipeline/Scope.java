package dev.ekssteward.shared.pipeline;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.event.Selection;

/**
 * One unit of work the pipeline runs observe, plan and apply for: usually one cluster in one
 * target. {@code cluster} is null for work that is not per cluster (a whole account's OIDC
 * providers). {@code selection} says what in it to look at.
 */
public record Scope(Target target, String cluster, Selection selection) {
  @Override
  public String toString() {
    return target + (cluster == null ? "" : "/" + cluster);
  }
}
