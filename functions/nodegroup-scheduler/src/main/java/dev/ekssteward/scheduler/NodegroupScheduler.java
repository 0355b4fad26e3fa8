package dev.ekssteward.scheduler;

import dev.ekssteward.scheduler.asg.AsgTag;
import dev.ekssteward.scheduler.asg.AutoScalingApis;
import dev.ekssteward.scheduler.asg.AutoscalerTags;
import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.NodegroupApi;
import dev.ekssteward.scheduler.eks.NodegroupApis;
import dev.ekssteward.scheduler.ledger.SchedulerLedger;
import dev.ekssteward.scheduler.ledger.SchedulerStore;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.NodegroupPlanner;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.CallRule;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.pipeline.Controller;
import dev.ekssteward.shared.pipeline.Declaration;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.RunLedger;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.trust.RecordSigner;
import dev.ekssteward.shared.trust.Sealed;
import dev.ekssteward.shared.trust.Seals;
import dev.ekssteward.shared.trust.Trust;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
  public static final String NAME = "nodegroup-scheduler";

  /**
   * Ticks, wake and release requests, and each new node group: its schedule is checked at once, or,
   * while EKS is still creating it, by deferred looks until it is ACTIVE.
   */
  static final Triggers TRIGGERS =
      Triggers.none()
          .ticks()
          .wakeRequests()
          .releaseRequests()
          .on(
              CallRule.on(CallRule.EKS, "CreateNodegroup")
                  .kind("nodegroup")
                  .cluster("requestParameters.name")
                  .name("requestParameters.nodegroupName")
                  .creates());

  static final Declaration DECLARATION =
      new Declaration(NAME, TRIGGERS, config -> config.scheduler().maxConcurrency());

  private final NodegroupApis apis;
  private final AutoScalingApis autoscaling;
  private final SchedulerStore store;
  private final Settings settings;
  private final RecordSigner signer;
  private final Clock clock;

  /** Public for the operator CLI's explain (local/cli), which observes a group as a tick does. */
  @Inject
  public NodegroupScheduler(
      NodegroupApis apis,
      AutoScalingApis autoscaling,
      SchedulerStore store,
      Settings settings,
      RecordSigner signer,
      Clock clock) {
    this.apis = apis;
    this.autoscaling = autoscaling;
    this.store = store;
    this.settings = settings;
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
    boolean pauses = config.scheduler().pausesClusterAutoscaler();
    return new ClusterState(cluster, withAutoscalerTags(scope, groups, pauses));
  }

  /**
   * Cluster Autoscaler's discovery tags on the groups' Auto Scaling groups, looked at only when the
   * opt-in is on or a record says they were taken off: one DescribeTags per cluster.
   */
  private List<Nodegroup> withAutoscalerTags(Scope scope, List<Nodegroup> groups, boolean pauses) {
    boolean wanted =
        pauses
            || groups.stream()
                .anyMatch(
                    g ->
                        OriginalScaling.mentionsAutoscaler(
                            g.tags().get(Contract.ORIGINAL_SCALING_TAG)));
    List<String> asgs = groups.stream().flatMap(g -> g.autoScalingGroups().stream()).toList();
    if (!wanted || asgs.isEmpty()) {
      return groups;
    }
    Map<String, Map<String, AsgTag>> found =
        autoscaling.in(scope.target()).tags(asgs, AutoscalerTags.keys(scope.cluster()).keySet());
    return groups.stream()
        .map(
            g -> {
              Map<String, AsgTag> tags = new LinkedHashMap<>();
              for (String asg : g.autoScalingGroups()) {
                found.getOrDefault(asg, Map.of()).forEach(tags::putIfAbsent);
              }
              return g.withAutoscaler(AutoscalerTags.of(scope.cluster(), tags));
            })
        .toList();
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
    boolean firstPass = earlier.isEmpty();
    ClusterState verified = observed.withMacs(verify(observed, config, now, scope, firstPass));
    return NodegroupPlanner.plan(verified, config.scheduler(), now, scope.selection(), firstPass);
  }

  /**
   * Verifies the signed size records the plan would act on, and only those: in dry-run too, since
   * verifying changes nothing. Here rather than in {@link #observe}: the run's ledger adds what
   * decides a restore (a release's pause, a cluster that left scope) only after observing, and the
   * plan's own instant is the one that decides.
   */
  private Map<String, Trust> verify(
      ClusterState seen, StewardConfig config, Instant now, Scope scope, boolean firstPass) {
    Map<String, Trust> macs = new HashMap<>();
    for (String arn :
        NodegroupPlanner.recordsToVerify(
            seen, config.scheduler(), now, scope.selection(), firstPass)) {
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

  @Override
  public RunLedger<ClusterState> ledger(
      StewardConfig config, Routing.Go go, List<Target> configured, boolean wholeRun) {
    return new SchedulerLedger(
        store, config, go, configured, wholeRun, settings.dryRun(), clock.instant());
  }
}
