package dev.ekssteward.scheduler.asg;

import dev.ekssteward.shared.Contract;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cluster Autoscaler's two auto-discovery tags on a node group's Auto Scaling group(s): {@code
 * k8s.io/cluster-autoscaler/enabled} and {@code k8s.io/cluster-autoscaler/<cluster>}; null where a
 * tag is absent. Cluster Autoscaler discovers a group by the keys alone, whatever their values
 * (kubernetes/autoscaler, cloudprovider/aws/README.md, "Auto-Discovery Setup").
 */
public record AutoscalerTags(AsgTag enabled, AsgTag cluster) {
  public static final AutoscalerTags NONE = new AutoscalerTags(null, null);

  public boolean isEmpty() {
    return enabled == null && cluster == null;
  }

  /** Whether every tag present here is present in {@code observed} too. */
  public boolean presentIn(AutoscalerTags observed) {
    return (enabled == null || observed.enabled != null)
        && (cluster == null || observed.cluster != null);
  }

  /** The two keys for {@code clusterName}. */
  public static Map<String, Boolean> keys(String clusterName) {
    Map<String, Boolean> keys = new LinkedHashMap<>();
    keys.put(Contract.AUTOSCALER_ENABLED_TAG, true);
    keys.put(Contract.AUTOSCALER_CLUSTER_TAG_PREFIX + clusterName, false);
    return keys;
  }

  /** The tags present, by their keys for {@code clusterName}. */
  public Map<String, AsgTag> byKey(String clusterName) {
    Map<String, AsgTag> out = new LinkedHashMap<>();
    if (enabled != null) {
      out.put(Contract.AUTOSCALER_ENABLED_TAG, enabled);
    }
    if (cluster != null) {
      out.put(Contract.AUTOSCALER_CLUSTER_TAG_PREFIX + clusterName, cluster);
    }
    return out;
  }

  /** From tags by key (as one group's ASGs carry them); the first ASG's value wins. */
  public static AutoscalerTags of(String clusterName, Map<String, AsgTag> tags) {
    return new AutoscalerTags(
        tags.get(Contract.AUTOSCALER_ENABLED_TAG),
        tags.get(Contract.AUTOSCALER_CLUSTER_TAG_PREFIX + clusterName));
  }

  public Map<String, Object> toMap(String clusterName) {
    Map<String, Object> out = new LinkedHashMap<>();
    byKey(clusterName)
        .forEach(
            (k, t) ->
                out.put(k, Map.of("value", t.value(), "propagateAtLaunch", t.propagateAtLaunch())));
    return out;
  }
}
