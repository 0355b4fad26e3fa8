package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallRule;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Declaration;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.inject.Inject;

/**
 * Scales managed node groups to zero outside their schedule and restores their exact sizes. A scope
 * is one cluster: a tick covers every cluster in scope, a new node group or a wake request the
 * cluster it names.
 */
public final class NodegroupScheduler implements Controller<ClusterState> {
  static final String NAME = "nodegroup-scheduler";

  /**
   * Ticks, wake requests, and each new node group: its schedule is checked at once, or, while EKS
   * is still creating it, by deferred looks until it is ACTIVE.
   */
  static final Triggers TRIGGERS =
      Triggers.none()
          .ticks()
          .wakeRequests()
          .on(
              CallRule.on(CallRule.EKS, "CreateNodegroup")
                  .kind("nodegroup")
                  .cluster("requestParameters.name")
                  .name("requestParameters.nodegroupName")
                  .creates());

  static final Declaration DECLARATION =
      new Declaration(NAME, TRIGGERS, config -> config.scheduler().maxConcurrency());

  private final NodegroupApis apis;

  @Inject
  NodegroupScheduler(NodegroupApis apis) {
    this.apis = apis;
  }

  @Override
  public Declaration declaration() {
    return DECLARATION;
  }

  @Override
  public List<String> clusters(Target target) {
    return apis.in(target).listClusters();
  }

  @Override
  public ClusterState observe(Scope scope, StewardConfig config) {
    NodegroupApi api = apis.in(scope.target());
    List<String> names;
    if (scope.selection() instanceof Selection.One one) {
      names = List.of(one.name());
    } else if (scope.selection() instanceof Selection.Wake w && !w.nodegroups().isEmpty()) {
      names = w.nodegroups();
    } else {
      names = api.listNodegroups(scope.cluster());
    }
    if (names == null) {
      return new ClusterState(null, List.of());
    }
    List<Nodegroup> groups =
        names.stream()
            .map(n -> api.describeNodegroup(scope.cluster(), n))
            .filter(Objects::nonNull)
            .toList();
    Cluster cluster = cluster(api, scope.cluster(), groups);
    return cluster == null ? new ClusterState(null, List.of()) : new ClusterState(cluster, groups);
  }

  /**
   * The cluster's tags (the groups' default schedule). With a group in hand, ListTagsForResource on
   * the ARN its ARN gives: the same tags as DescribeCluster, without the cold start of its
   * ~40-field response model. Without one, DescribeCluster, which also tells a cluster that is gone
   * from one that has no such group.
   */
  private static Cluster cluster(NodegroupApi api, String name, List<Nodegroup> groups) {
    String arn = groups.isEmpty() ? null : Cluster.arnOf(name, groups.get(0).arn());
    if (arn == null) {
      return api.describeCluster(name);
    }
    Map<String, String> tags = api.clusterTags(arn);
    return tags == null ? null : new Cluster(name, arn, tags);
  }

  @Override
  public Plan plan(
      Scope scope,
      ClusterState observed,
      StewardConfig config,
      Instant now,
      List<Outcome> earlier) {
    return NodegroupPlanner.plan(observed, config.scheduler(), now, scope.selection());
  }
}
