package dev.ekssteward.scheduler.asg;

import dev.ekssteward.shared.apply.Result;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The Auto Scaling calls of the Cluster Autoscaler pause (opt-in), in our own records; mutations
 * answer a {@link Result}. Used only when {@code scheduler.clusterAutoscaler} is {@code pause} or a
 * record says tags were taken off.
 */
public interface AutoScalingApi {
  /** DescribeTags: of these keys, the ones each of these groups carries (groups by name). */
  Map<String, Map<String, AsgTag>> tags(Collection<String> groups, Set<String> keys);

  /** DeleteTags of these keys on one group; absent keys are no error. */
  Result deleteTags(String group, Set<String> keys);

  /** CreateOrUpdateTags on one group. */
  Result putTags(String group, Map<String, AsgTag> tags);
}
