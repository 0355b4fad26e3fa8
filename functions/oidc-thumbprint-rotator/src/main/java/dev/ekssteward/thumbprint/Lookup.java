package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.pipeline.Scope;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What one scope asks the rotator to look at, derived from its trigger. */
sealed interface Lookup {
  String EKS = "eks.amazonaws.com";
  String IAM = "iam.amazonaws.com";
  String CREATE_CLUSTER = "CreateCluster";
  String CREATE_PROVIDER = "CreateOpenIDConnectProvider";
  String UPDATE_THUMBPRINT = "UpdateOpenIDConnectProviderThumbprint";

  /** A schedule tick: every cluster of the account in every region, and the extra issuers. */
  record Everything() implements Lookup {}

  /** A cluster just created: its issuer only (it may still be creating). */
  record OneCluster(String region, String name) implements Lookup {}

  /** A provider just created or changed by someone: verify it at once. */
  record OneProvider(String arn) implements Lookup {}

  static Lookup of(Scope scope) {
    if (scope.cluster() != null) {
      return new OneCluster(scope.target().region(), scope.cluster());
    }
    if (scope.trigger() instanceof CloudTrailCall c && isProviderCall(c)) {
      return new OneProvider(providerArn(c));
    }
    return new Everything();
  }

  static boolean isClusterCall(Trigger trigger) {
    return trigger instanceof CloudTrailCall c
        && EKS.equals(c.eventSource())
        && CREATE_CLUSTER.equals(c.eventName());
  }

  static boolean isProviderCall(CloudTrailCall c) {
    return IAM.equals(c.eventSource())
        && (CREATE_PROVIDER.equals(c.eventName()) || UPDATE_THUMBPRINT.equals(c.eventName()));
  }

  /** The cluster named by a CreateCluster call, or null. */
  static String clusterName(CloudTrailCall c) {
    return string(c.requestParameters(), "name");
  }

  /** The provider ARN: in the response of a create, in the request of an update. */
  static String providerArn(CloudTrailCall c) {
    String arn =
        CREATE_PROVIDER.equals(c.eventName())
            ? string(c.responseElements(), "openIDConnectProviderArn")
            : string(c.requestParameters(), "openIDConnectProviderArn");
    return arn != null && arn.contains("%") ? URLDecoder.decode(arn, StandardCharsets.UTF_8) : arn;
  }

  private static String string(Map<String, Object> map, String field) {
    return map != null && map.get(field) instanceof String s && !s.isBlank() ? s : null;
  }
}
