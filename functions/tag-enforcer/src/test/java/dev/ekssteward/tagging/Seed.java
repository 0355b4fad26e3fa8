package dev.ekssteward.tagging;

import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
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
import software.amazon.awssdk.services.ssm.model.ParameterType;

/** Seeds moto with clusters, node groups, profiles and ASGs, and runs the handler against it. */
public final class Seed {
  public static final String ROLE =
      "arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-steward-TagRole";
  public static final List<String> SUBNETS = List.of("subnet-0a1b2c3d", "subnet-0e4f5a6b");

  final LocalAws aws;
  public final EksClient eks;
  public final AutoScalingClient autoscaling;
  final CallRecorder recorder = new CallRecorder(TagEnforcer.NAME);

  /** The User-Agent header of every TagResource call the function made. */
  final List<String> tagResourceAgents = new ArrayList<>();

  public Seed(LocalAws aws) {
    this.aws = aws;
    this.eks = aws.eks();
    this.autoscaling =
        aws.client(AutoScalingClient.builder().httpClient(UrlConnectionHttpClient.create()));
    aws.events().createEventBus(r -> r.name("eks-steward-audit"));
  }

  /** A seed whose config holds the standard policy. */
  static Seed standard(LocalAws aws) {
    Seed seed = new Seed(aws);
    seed.config(Policies.STANDARD_JSON);
    return seed;
  }

  public void config(String json) {
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .value(json)
                    .type(ParameterType.STRING)
                    .overwrite(true));
  }

  public String cluster(String name, Map<String, String> tags) {
    return eks.createCluster(
            r ->
                r.name(name)
                    .roleArn("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-cluster")
                    .resourcesVpcConfig(v -> v.subnetIds(SUBNETS))
                    .tags(tags))
        .cluster()
        .arn();
  }

  public Map<String, String> clusterTags(String name) {
    return eks.describeCluster(r -> r.name(name)).cluster().tags();
  }

  /** Creates a node group and returns the ASG name it reports (moto creates no ASG). */
  public String nodegroup(String cluster, String name, Map<String, String> tags) {
    return eks.createNodegroup(
            r ->
                r.clusterName(cluster)
                    .nodegroupName(name)
                    .nodeRole("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/eks-nodes")
                    .subnets(SUBNETS)
                    .tags(tags))
        .nodegroup()
        .resources()
        .autoScalingGroups()
        .get(0)
        .name();
  }

  public Map<String, String> nodegroupTags(String cluster, String name) {
    return eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
        .nodegroup()
        .tags();
  }

  public String profile(String cluster, String name, Map<String, String> tags) {
    return eks.createFargateProfile(
            r ->
                r.clusterName(cluster)
                    .fargateProfileName(name)
                    .podExecutionRoleArn("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/fargate-pods")
                    .subnets(SUBNETS.get(0))
                    .selectors(s -> s.namespace(name))
                    .tags(tags))
        .fargateProfile()
        .fargateProfileArn();
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
    autoscaling.createLaunchConfiguration(
        r ->
            r.launchConfigurationName(name + "-lc")
                .imageId("ami-12c6146b")
                .instanceType("t3.micro"));
    autoscaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName(name)
                .launchConfigurationName(name + "-lc")
                .minSize(0)
                .maxSize(1)
                .availabilityZones(LocalAws.REGION + "a")
                .tags(
                    t ->
                        t.resourceId(name)
                            .resourceType("auto-scaling-group")
                            .key(AsgTags.CLUSTER_TAG)
                            .value(cluster)
                            .propagateAtLaunch(true)));
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
            DaggerTaggingComponent.factory().create(settings, clock, Waits.none(), with));
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
