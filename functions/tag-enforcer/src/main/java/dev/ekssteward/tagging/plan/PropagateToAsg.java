package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.pipeline.Details;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Auto Scaling CreateOrUpdateTags with PropagateAtLaunch=true, so instances launched from now on
 * (and their cost allocation) carry the node group's policy tags.
 *
 * @param target the Auto Scaling group's name
 * @param nodegroupArn the node group it belongs to
 * @param tags only the keys whose value or propagation differs
 */
public record PropagateToAsg(String target, String nodegroupArn, Map<String, String> tags)
    implements TaggingAction {
  public PropagateToAsg {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  @Override
  public Map<String, Object> details() {
    return Details.of("nodegroup", nodegroupArn, "tags", tags, "propagateAtLaunch", true);
  }
}
