package dev.ekssteward.tagging.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
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
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("nodegroup", nodegroupArn);
    d.put("tags", tags);
    d.put("propagateAtLaunch", true);
    return d;
  }
}
