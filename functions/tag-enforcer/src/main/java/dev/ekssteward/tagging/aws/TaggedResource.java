package dev.ekssteward.tagging.aws;

import java.util.List;
import java.util.Map;

/**
 * A resource as observed: its identity, its tags and (node groups) the names of its Auto Scaling
 * groups as DescribeNodegroup reports them (empty while EKS is still creating them).
 */
public record TaggedResource(ResourceRef ref, Map<String, String> tags, List<String> asgNames) {
  public TaggedResource {
    tags = Map.copyOf(tags);
    asgNames = List.copyOf(asgNames);
  }
}
