package dev.ekssteward.fargate.aws;

import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.aws.Target;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.inject.Inject;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileSelector;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** {@link FargateApi} over the EKS SDK: the only class that sees EKS request/response types. */
public final class EksFargateApi implements FargateApi {
  private final AwsClients clients;
  private final Retry retry;

  @Inject
  public EksFargateApi(AwsClients clients, Retry retry) {
    this.clients = clients;
    this.retry = retry;
  }

  @Override
  public List<String> clusters(Target target) {
    EksClient eks = eks(target);
    return retry.call(() -> Fleet.allClusters(eks));
  }

  @Override
  public List<ObservedProfile> profiles(Target target, String cluster) {
    List<String> names;
    try {
      names = retry.call(() -> Fleet.allFargateProfiles(eks(target), cluster));
    } catch (ResourceNotFoundException e) {
      return null;
    }
    List<ObservedProfile> out = new ArrayList<>();
    for (String name : names) {
      try {
        FargateProfile p =
            retry.call(
                () ->
                    eks(target)
                        .describeFargateProfile(
                            r -> r.clusterName(cluster).fargateProfileName(name))
                        .fargateProfile());
        out.add(observed(p));
      } catch (ResourceNotFoundException e) {
        // Deleted between list and describe: it is gone, which is what we observe.
      }
    }
    return out;
  }

  @Override
  public Change create(
      Target target, String cluster, String name, ProfileSpec spec, Map<String, String> tags) {
    return change(
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
  public Change delete(Target target, String cluster, String name) {
    return change(
        () ->
            eks(target)
                .deleteFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                .fargateProfile()
                .fargateProfileArn());
  }

  @Override
  public Change tag(Target target, String arn, Map<String, String> tags) {
    return change(
        () -> {
          eks(target).tagResource(r -> r.resourceArn(arn).tags(tags));
          return arn;
        });
  }

  @Override
  public Change untag(Target target, String arn, Set<String> keys) {
    return change(
        () -> {
          eks(target).untagResource(r -> r.resourceArn(arn).tagKeys(keys));
          return arn;
        });
  }

  /** Runs a mutation; 409, not-found and rejections become results, throttles are retried. */
  private Change change(Supplier<String> call) {
    return retry.call(
        () -> {
          try {
            return new Change(Result.DONE, call.get(), null);
          } catch (AwsServiceException e) {
            String message =
                e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            if (Retry.isRequestLimit(e) || e.isThrottlingException() || e.statusCode() >= 500) {
              throw e;
            }
            if (Retry.isResourceInUse(e)) {
              return new Change(Result.BUSY, null, message);
            }
            if (Retry.isNotFound(e)) {
              return new Change(Result.NOT_FOUND, null, message);
            }
            if (e.statusCode() == 400) {
              return new Change(Result.REJECTED, null, Retry.errorCode(e) + ": " + message);
            }
            throw e;
          }
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
