package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.pipeline.Details;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * EKS TagResource with only the keys that change; every other tag stays as it is.
 *
 * @param target the resource's ARN
 * @param reasons why each key changes (default, restored, normalized, creator)
 */
public record ApplyTags(
    String target, String resourceType, Map<String, String> tags, Map<String, String> reasons)
    implements TaggingAction {

  public ApplyTags {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    reasons = Collections.unmodifiableMap(new TreeMap<>(reasons));
  }

  @Override
  public String type() {
    return "TagResource";
  }

  @Override
  public Map<String, Object> details() {
    return Details.of("resourceType", resourceType, "tags", tags, "reasons", reasons);
  }
}
