package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.Answers;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.inject.Inject;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;
import software.amazon.awssdk.services.eks.model.NotFoundException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/**
 * {@link FargateApi} over the EKS SDK: the only class that sees EKS request/response types. The
 * SDK's client retries throttling, 5xx, "Request limit exceeded" and 409; what is left is answered
 * here.
 */
public final class EksFargateApi implements FargateApi {
  private final AwsClients clients;

  @Inject
  public EksFargateApi(AwsClients clients) {
    this.clients = clients;
  }

  @Override
  public List<String> clusters(Target target) {
    return Fleet.allClusters(eks(target));
  }

  @Override
  public List<ObservedProfile> profiles(Target target, String cluster) {
    EksClient eks = eks(target);
    List<String> names;
    try {
      names = Fleet.allFargateProfiles(eks, cluster);
    } catch (ResourceNotFoundException e) {
      return null;
    }
    List<ObservedProfile> out = new ArrayList<>();
    for (String name : names) {
      try {
        out.add(
            observed(
                eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                    .fargateProfile()));
      } catch (ResourceNotFoundException e) {
        // Deleted between list and describe: it is gone, which is what we observe.
      }
    }
    return out;
  }

  /**
   * With a profile in hand, ListTagsForResource on the cluster ARN its ARN gives: the same tags as
   * DescribeCluster without the cold start of that call's ~40-field response model (as the node
   * group scheduler reads them). Without one, DescribeCluster.
   */
  @Override
  public Map<String, String> clusterTags(Target target, String cluster, String profileArn) {
    String clusterArn = clusterArn(cluster, profileArn);
    try {
      if (clusterArn == null) {
        var c = eks(target).describeCluster(r -> r.name(cluster)).cluster();
        return c.hasTags() ? c.tags() : Map.of();
      }
      var listed = eks(target).listTagsForResource(r -> r.resourceArn(clusterArn));
      return listed.hasTags() ? listed.tags() : Map.of();
    } catch (ResourceNotFoundException | NotFoundException e) {
      return null;
    }
  }

  /** {@code arn:…:fargateprofile/<cluster>/<name>/<id>} → {@code arn:…:cluster/<cluster>}. */
  static String clusterArn(String cluster, String profileArn) {
    String marker = ":fargateprofile/" + cluster + "/";
    int at = profileArn == null ? -1 : profileArn.indexOf(marker);
    return at <= 0 ? null : profileArn.substring(0, at) + ":cluster/" + cluster;
  }

  @Override
  public Result create(
      Target target, String cluster, String name, ProfileSpec spec, Map<String, String> tags) {
    return Answers.of(
        () ->
            eks(target)
                .createFargateProfile(
                    r ->
                        r.clusterName(cluster)
                            .fargateProfileName(name)
                            .podExecutionRoleArn(spec.podExecutionRoleArn())
                            .subnets(spec.subnets().isEmpty() ? null : List.copyOf(spec.subnets()))
                            .selectors(
                                spec.selectors().stream().map(EksFargateApi::selector).toList())
                            .tags(tags))
                .fargateProfile()
                .fargateProfileArn());
  }

  @Override
  public Result delete(Target target, String cluster, String name) {
    return Answers.delete(
        () ->
            eks(target)
                .deleteFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                .fargateProfile()
                .fargateProfileArn(),
        () -> goingOrGone(target, cluster, name));
  }

  /** The profile is DELETING or no longer there. */
  private boolean goingOrGone(Target target, String cluster, String name) {
    try {
      return "DELETING"
          .equals(
              eks(target)
                  .describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                  .fargateProfile()
                  .statusAsString());
    } catch (ResourceNotFoundException e) {
      return true;
    }
  }

  @Override
  public Result tag(Target target, String arn, Map<String, String> tags) {
    return Answers.of(
        () -> {
          eks(target).tagResource(r -> r.resourceArn(arn).tags(tags));
          return arn;
        });
  }

  @Override
  public Result untag(Target target, String arn, Set<String> keys) {
    return Answers.of(
        () -> {
          eks(target).untagResource(r -> r.resourceArn(arn).tagKeys(keys));
          return arn;
        });
  }

  private EksClient eks(Target target) {
    return clients.eks(target);
  }

  private static FargateProfileSelector selector(Selector s) {
    return FargateProfileSelector.builder().namespace(s.namespace()).labels(s.labels()).build();
  }

  static ObservedProfile observed(FargateProfile p) {
    Set<Selector> selectors =
        p.selectors().stream()
            .map(s -> new Selector(s.namespace(), s.hasLabels() ? s.labels() : Map.of()))
            .collect(Collectors.toSet());
    List<String> issues =
        p.health() == null
            ? List.of()
            : p.health().issues().stream().map(i -> i.codeAsString() + ": " + i.message()).toList();
    return new ObservedProfile(
        p.fargateProfileName(),
        p.fargateProfileArn(),
        ObservedProfile.Status.of(p.statusAsString()),
        new ProfileSpec(p.podExecutionRoleArn(), Set.copyOf(p.subnets()), selectors),
        p.hasTags() ? p.tags() : Map.of(),
        p.createdAt(),
        issues);
  }
}
