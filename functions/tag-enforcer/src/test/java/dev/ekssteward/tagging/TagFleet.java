package dev.ekssteward.tagging;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.AsgSeed;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.NodegroupSeed;
import dev.ekssteward.shared.testing.seed.ProfileSeed;
import dev.ekssteward.shared.testing.seed.SeededCluster;
import dev.ekssteward.shared.testing.seed.SeededFleet;
import dev.ekssteward.tagging.aws.AsgTags;
import dev.ekssteward.tagging.plan.Policies;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The tag enforcer's fleet in moto, seeded through the shared fleet seeder, and its handler run
 * against it. The one-resource methods add to what is there, as a test creating things does.
 */
public final class TagFleet {
  public static final String ROLE =
      "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-steward-TagRole";

  final LocalAws aws;
  public final EksClient eks;
  public final AutoScalingClient autoscaling;
  final CallRecorder recorder = new CallRecorder(TagEnforcer.NAME);

  /** The User-Agent header of every TagResource call the function made. */
  final List<String> tagResourceAgents = new ArrayList<>();

  public TagFleet(LocalAws aws) {
    this(aws, FleetSeed.fleet());
  }

  private TagFleet(LocalAws aws, FleetSeed start) {
    this.aws = aws;
    this.eks = aws.eks();
    this.autoscaling =
        aws.client(AutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()));
    seed(start.auditBus("eks-steward-audit"));
  }

  /** A fleet whose config holds the standard policy. */
  static TagFleet standard(LocalAws aws) {
    return new TagFleet(aws, FleetSeed.fleet().config(Policies.STANDARD_JSON));
  }

  public SeededFleet seed(FleetSeed fleet) {
    return aws.seeder().seed(fleet);
  }

  public void config(String json) {
    seed(FleetSeed.fleet().config(json));
  }

  /** Seeds a cluster; returns its ARN. */
  public String cluster(String name, Map<String, String> tags) {
    return seed(FleetSeed.fleet().cluster(ClusterSeed.cluster(name).tags(tags)))
        .cluster(name)
        .arn();
  }

  public Map<String, String> clusterTags(String name) {
    return eks.describeCluster(r -> r.name(name)).cluster().tags();
  }

  /** Adds a node group to a cluster; returns the ASG name it reports (moto creates no ASG). */
  public String nodegroup(String cluster, String name, Map<String, String> tags) {
    return in(
            cluster,
            ClusterSeed.cluster(cluster).nodegroup(NodegroupSeed.nodegroup(name).tags(tags)))
        .autoScalingGroup(name);
  }

  public Map<String, String> nodegroupTags(String cluster, String name) {
    return eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
        .nodegroup()
        .tags();
  }

  /** Adds a profile for namespace {@code name} to a cluster; returns its ARN. */
  public String profile(String cluster, String name, Map<String, String> tags) {
    return in(cluster, ClusterSeed.cluster(cluster).fargateProfile(profile(name, tags)))
        .fargateProfileArn(name);
  }

  static ProfileSeed profile(String name, Map<String, String> tags) {
    return ProfileSeed.profile(name).selector(name).tags(tags);
  }

  private SeededCluster in(String name, ClusterSeed cluster) {
    return seed(FleetSeed.fleet().cluster(cluster)).cluster(name);
  }

  public Map<String, String> profileTags(String cluster, String name) {
    return eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
        .fargateProfile()
        .tags();
  }

  /**
   * The ASG EKS would have made for a node group, under exactly the name the node group reports.
   */
  public void asg(String name, String cluster) {
    seed(FleetSeed.fleet().autoScalingGroup(AsgSeed.named(name, clusterTag(cluster))));
  }

  /** The tag EKS puts on a node group's ASG, which the enforcer checks before it tags one. */
  static Map<String, String> clusterTag(String cluster) {
    return Map.of(AsgTags.CLUSTER_TAG, cluster);
  }

  public List<TagDescription> asgTags(String name) {
    return autoscaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
        .autoScalingGroups()
        .get(0)
        .tags();
  }

  Map<String, Object> run(Map<String, Object> event) {
    return run(event, aws.settings(false));
  }

  /** Runs the handler once, as the function whose execution role is {@link #ROLE}. */
  Map<String, Object> runAsDeployed(Map<String, Object> event) {
    Map<String, String> env = new HashMap<>(aws.environment(false));
    env.put("STEWARD_ROLE_ARN", ROLE);
    return run(event, Settings.from(env));
  }

  Map<String, Object> run(Map<String, Object> event, Settings settings) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    ExecutionInterceptor agents =
        new ExecutionInterceptor() {
          @Override
          public void beforeTransmission(
              Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if ("TagResource"
                .equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
              context
                  .httpRequest()
                  .firstMatchingHeader("User-Agent")
                  .ifPresent(tagResourceAgents::add);
            }
          }
        };
    return run(settings, clock, List.of(recorder, agents), event);
  }

  /** The event through a handler built from the production component with these interceptors. */
  static Map<String, Object> run(
      Settings settings, Clock clock, List<ExecutionInterceptor> with, Map<String, Object> event) {
    TagEnforcerHandler handler =
        new TagEnforcerHandler(
            DaggerTaggingComponent.factory()
                .create(TagEnforcer.NAME, settings, clock, Waits.none(), with));
    return handler.handle(event, new TestContext(TagEnforcer.NAME));
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> list(Map<String, Object> report, String field) {
    return (List<Map<String, Object>>) report.get(field);
  }

  static List<Map<String, Object>> findings(Map<String, Object> report, String detailType) {
    return list(report, "findings").stream()
        .filter(f -> detailType.equals(f.get("detailType")))
        .toList();
  }
}
