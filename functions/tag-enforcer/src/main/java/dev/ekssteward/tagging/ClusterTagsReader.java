package dev.ekssteward.tagging;

import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.TaggingConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.tagging.aws.AsgTags;
import dev.ekssteward.tagging.aws.ResourceRef;
import dev.ekssteward.tagging.aws.TaggedResource;
import dev.ekssteward.tagging.aws.TaggingApi;
import dev.ekssteward.tagging.plan.ClusterTags;
import dev.ekssteward.tagging.plan.TagPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Observes one cluster through the port: every resource of the kinds the policy covers on a sweep,
 * only the named one for a CloudTrail call; and the node groups' ASGs when a rule propagates.
 * Public for the operator CLI's status (local/cli), which reads a cluster as a sweep does.
 */
public final class ClusterTagsReader {
  private final TaggingApi api;

  public ClusterTagsReader(TaggingApi api) {
    this.api = api;
  }

  public ClusterTags read(
      Target target, String cluster, TaggingConfig policy, Selection selection) {
    Selection.One only = selection instanceof Selection.One one ? one : null;
    TaggedResource c = api.cluster(target, cluster);
    if (c == null) {
      return ClusterTags.missing(cluster);
    }
    if (ClusterTags.excluded(c.tags()) || TagPolicy.exempt(policy, cluster)) {
      // Out of the policy: the planner skips it; its node groups, profiles and ASGs are not read.
      return new ClusterTags(cluster, true, c.tags(), List.of(), Map.of());
    }
    List<TaggedResource> resources = new ArrayList<>();
    if (wanted(policy, only, ResourceRef.CLUSTER)) {
      resources.add(c);
    }
    if (wanted(policy, only, ResourceRef.NODEGROUP)) {
      List<String> names = only != null ? List.of(only.name()) : api.nodegroups(target, cluster);
      if (names == null) {
        return ClusterTags.missing(cluster);
      }
      for (String name : names) {
        add(resources, api.nodegroup(target, cluster, name));
      }
    }
    if (wanted(policy, only, ResourceRef.FARGATE_PROFILE)) {
      List<String> names =
          only != null ? List.of(only.name()) : api.fargateProfiles(target, cluster);
      if (names == null) {
        return ClusterTags.missing(cluster);
      }
      for (String name : names) {
        add(resources, api.fargateProfile(target, cluster, name));
      }
    }
    return new ClusterTags(cluster, true, c.tags(), resources, asgs(target, policy, resources));
  }

  private static boolean wanted(TaggingConfig policy, Selection.One only, String type) {
    return only == null ? policy.resourceTypes().contains(type) : only.kind().equals(type);
  }

  /** A resource deleted between listing and describing is simply not there. */
  private static void add(List<TaggedResource> resources, TaggedResource r) {
    if (r != null) {
      resources.add(r);
    }
  }

  /**
   * The ASGs of the node groups, read only when some rule propagates to them; not those of an
   * excluded node group, which the planner leaves alone.
   */
  private Map<String, AsgTags> asgs(
      Target target, TaggingConfig policy, List<TaggedResource> resources) {
    List<String> names =
        resources.stream()
            .filter(r -> !ClusterTags.excluded(r.tags()))
            .flatMap(r -> r.asgNames().stream())
            .distinct()
            .toList();
    if (names.isEmpty() || policy.required().stream().noneMatch(r -> r.propagateToAsg())) {
      return Map.of();
    }
    return api.autoScalingGroups(target, names);
  }
}
