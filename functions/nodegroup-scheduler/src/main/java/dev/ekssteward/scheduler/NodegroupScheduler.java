package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.WakeRequest;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Controller;
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
 * is one cluster; ticks cover every cluster in scope, events the cluster they name.
 */
public final class NodegroupScheduler implements Controller<ClusterState> {
  static final String CREATE_NODEGROUP = "CreateNodegroup";

  private final NodegroupApis apis;
  private final Transitions transitions;

  @Inject
  NodegroupScheduler(NodegroupApis apis) {
    this.apis = apis;
    this.transitions = new Transitions(apis);
  }

  @Override
  public String name() {
    return "nodegroup-scheduler";
  }

  @Override
  public String ignoreReason(Trigger trigger, StewardConfig config) {
    if (trigger instanceof CloudTrailCall c) {
      if (!"eks.amazonaws.com".equals(c.eventSource()) || !CREATE_NODEGROUP.equals(c.eventName())) {
        return "not a call the node group scheduler acts on: " + c.eventName();
      }
      if (c.failed()) {
        return "the CreateNodegroup call failed (" + c.errorCode() + "); nothing was created";
      }
      if (text(c, "name") == null || text(c, "nodegroupName") == null) {
        return "CreateNodegroup without cluster or node group name";
      }
      return null;
    }
    if (trigger instanceof Trigger.ParameterChange) {
      return "parameter changes are not for the node group scheduler";
    }
    return null;
  }

  @Override
  public List<Scope> scopes(Trigger trigger, StewardConfig config, Target target) {
    String cluster = null;
    if (trigger instanceof CloudTrailCall c) {
      cluster = text(c, "name");
    } else if (trigger instanceof WakeRequest w) {
      cluster = w.cluster();
    }
    List<String> clusters =
        cluster != null
            ? List.of(cluster)
            : apis.in(target).listClusters().stream().sorted().toList();
    return clusters.stream()
        .filter(config.targets().clusters()::matches)
        .map(name -> new Scope(target, name, trigger))
        .toList();
  }

  @Override
  public ClusterState observe(Scope scope, StewardConfig config) {
    NodegroupApi api = apis.in(scope.target());
    List<String> names;
    if (scope.trigger() instanceof CloudTrailCall c) {
      names = List.of(text(c, "nodegroupName"));
    } else if (scope.trigger() instanceof WakeRequest w && !w.nodegroups().isEmpty()) {
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
  public Plan plan(Scope scope, ClusterState observed, StewardConfig config, Instant now) {
    return NodegroupPlanner.plan(observed, config.scheduler(), now, scope.trigger());
  }

  @Override
  public Outcome apply(Scope scope, Action action, StewardConfig config) {
    return transitions.apply(scope.target(), action);
  }

  private static String text(CloudTrailCall c, String field) {
    Object v = c.requestParameters().get(field);
    return v instanceof String s && !s.isBlank() ? s : null;
  }
}
