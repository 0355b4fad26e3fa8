package dev.ekssteward.cli;

import dev.ekssteward.scheduler.NodegroupScheduler;
import dev.ekssteward.scheduler.aws.SdkAutoScalingApi;
import dev.ekssteward.scheduler.aws.SsmSchedulerStore;
import dev.ekssteward.scheduler.eks.EksNodegroupApi;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Scope;
import dev.ekssteward.shared.runtime.Settings;
import java.time.Clock;
import java.util.List;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;

/**
 * One node group as the scheduler itself observes it ({@link NodegroupScheduler#observe}, wired as
 * its EksModule wires it): the group, its cluster's tags, and Cluster Autoscaler's discovery tags
 * on its Auto Scaling groups when the pause opt-in is on or its record took them off, without which
 * the planner would not plan the pause. Only observe is used: nothing is verified or written here.
 */
final class SchedulerView {
  private SchedulerView() {}

  /** The observed cluster with only that group (none when the group or cluster is not there). */
  static ClusterState observe(
      AwsClients clients,
      Settings settings,
      Clock clock,
      StewardConfig config,
      Target target,
      String cluster,
      String nodegroup) {
    NodegroupScheduler scheduler =
        new NodegroupScheduler(
            t -> new EksNodegroupApi(clients.eks(t)),
            t ->
                new SdkAutoScalingApi(
                    clients.service("autoscaling", t, AutoScalingClient::builder)),
            new SsmSchedulerStore(clients, settings.configPrefix()),
            settings,
            Unverified.KEY,
            clock);
    // A look at that one group, as for a CloudTrail call naming it: one DescribeNodegroup.
    Selection.One one =
        new Selection.One("explain", "nodegroup", nodegroup, null, false, null, List.of(), 0);
    return scheduler.observe(new Scope(target, cluster, one), config);
  }
}
