package dev.ekssteward.tagging.aws;

import java.util.List;
import java.util.Map;

/**
 * A resource as observed: its identity, its tags, (node groups) the names of its Auto Scaling
 * groups as DescribeNodegroup reports them (empty while EKS is still creating them), and its EKS
 * status ({@code ACTIVE}, {@code DELETING}, ...).
 */
public record TaggedResource(
    ResourceRef ref, Map<String, String> tags, List<String> asgNames, String status) {
  public static final String DELETING = "DELETING";

  public TaggedResource {
    tags = Map.copyOf(tags);
    asgNames = List.copyOf(asgNames);
  }
}
