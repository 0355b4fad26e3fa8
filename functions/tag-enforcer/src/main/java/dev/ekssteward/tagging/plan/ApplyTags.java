package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.pipeline.Details;
import dev.ekssteward.shared.pipeline.Outcome;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * EKS TagResource with only the keys that change; every other tag stays as it is.
 *
 * @param target the resource's ARN
 * @param reasons why each key changes (default, restored, normalized, creator)
 * @param fixes these keys are all the resource lacks to comply: once they are written (and only
 *     then) the compliance summary counts it fixed
 */
public record ApplyTags(
    String target,
    String resourceType,
    Map<String, String> tags,
    Map<String, String> reasons,
    boolean fixes)
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

  /**
   * {@code TagFixed<Kind>} when EKS took the tags (TagResource sets a value that is already there
   * without complaint, so a fix someone made meanwhile counts too); refused, failed, busy or gone
   * is no fix.
   */
  @Override
  public List<String> outcomeMetrics(Outcome.Status status) {
    return fixes && status == Outcome.Status.APPLIED
        ? List.of(ComplianceSummary.metric(ComplianceSummary.FIXED, resourceType))
        : List.of();
  }
}
