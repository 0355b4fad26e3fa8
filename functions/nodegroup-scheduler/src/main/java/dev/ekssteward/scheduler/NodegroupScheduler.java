package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.shared.Contract;
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
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Seals;
import dev.ekssteward.shared.trust.Trust;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
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

  /** Ticks, wake requests, and each new node group (its schedule is checked at once). */
  static final Triggers TRIGGERS =
      Triggers.none()
          .ticks()
          .wakeRequests()
          .on(
              CallRule.on(CallRule.EKS, "CreateNodegroup")
                  .kind("nodegroup")
                  .cluster("requestParameters.name")
                  .name("requestParameters.nodegroupName"));

  static final Declaration DECLARATION =
      new Declaration(NAME, TRIGGERS, config -> config.scheduler().maxConcurrency());

  private final NodegroupApis apis;
  private final RecordSigner signer;
  private final Clock clock;

  @Inject
  NodegroupScheduler(NodegroupApis apis, RecordSigner signer, Clock clock) {
    this.apis = apis;
    this.signer = signer;
    this.clock = clock;
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
    if (cluster == null) {
      return new ClusterState(null, List.of());
    }
    ClusterState seen = new ClusterState(cluster, groups);
    return seen.withMacs(verify(seen, config, scope));
  }

  /**
   * Verifies the signed size records the plan would act on, and only those: in dry-run too, since
   * verifying changes nothing. The plan asks again at its own instant; a record it then acts on
   * that was not verified here waits for the next tick.
   */
  private Map<String, Trust> verify(ClusterState seen, StewardConfig config, Scope scope) {
    Map<String, Trust> macs = new HashMap<>();
    for (String arn :
        NodegroupPlanner.recordsToVerify(
            seen, config.scheduler(), clock.instant(), scope.selection())) {
      String value =
          seen.nodegroups().stream()
              .filter(g -> g.arn().equals(arn))
              .findFirst()
              .map(g -> g.tags().get(Contract.ORIGINAL_SCALING_TAG))
              .orElseThrow();
      macs.put(arn, Seals.verify(signer, Contract.ORIGINAL_SCALING_TAG, arn, Sealed.parse(value)));
    }
    return macs;
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
