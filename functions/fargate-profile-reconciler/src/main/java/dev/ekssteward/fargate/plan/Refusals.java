package dev.ekssteward.fargate.plan;

import dev.ekssteward.fargate.plan.ProfileAction.CreateProfile;
import dev.ekssteward.fargate.plan.ProfileAction.DeleteProfile;
import dev.ekssteward.shared.pipeline.Outcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The creates and deletes that failed in this scope's earlier passes of the invocation (profile
 * name to EKS's reason). They are not asked again until the next trigger, so a refusal is not
 * retried in a tight loop while the scope waits for other transitions.
 */
final class Refusals {
  private Refusals() {}

  static Map<String, String> in(List<Outcome> earlier) {
    Map<String, String> refused = new HashMap<>();
    for (Outcome o : earlier) {
      if (o.status() == Outcome.Status.FAILED
          && (o.action() instanceof CreateProfile || o.action() instanceof DeleteProfile)) {
        refused.put(((ProfileAction) o.action()).name(), o.message());
      }
    }
    return refused;
  }
}
