package dev.ekssteward.thumbprint;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.event.Trigger.ScheduleTick;

/**
 * Which triggers the rotator acts on: schedule ticks, CreateCluster, and IAM provider calls that
 * succeeded and that it did not make itself.
 */
final class TriggerFilter {
  private TriggerFilter() {}

  /** Why to ignore the trigger, or null to act on it. */
  static String ignoreReason(Trigger trigger, String function, String selfRoleArn) {
    if (trigger instanceof ScheduleTick) {
      return null;
    }
    if (!(trigger instanceof CloudTrailCall c)) {
      return "not a trigger of this function: " + trigger.kind();
    }
    if (c.failed()) {
      return "the call failed (" + c.errorCode() + ")";
    }
    if (selfCaused(c, function, selfRoleArn)) {
      return "caused by this function itself";
    }
    if (Lookup.isClusterCall(c)) {
      return Lookup.clusterName(c) == null ? "the event names no cluster" : null;
    }
    if (Lookup.isProviderCall(c)) {
      return Lookup.providerArn(c) == null ? "the event names no OIDC provider" : null;
    }
    return "not a trigger of this function: " + c.eventSource() + " " + c.eventName();
  }

  /**
   * Our SDK calls carry {@code eks-steward/<function>} in the user agent, and run as the function's
   * role (STEWARD_ROLE_ARN); either marks an event as our own echo.
   */
  static boolean selfCaused(CloudTrailCall c, String function, String selfRoleArn) {
    if (c.userAgent() != null && c.userAgent().contains(AwsClients.USER_AGENT + "/" + function)) {
      return true;
    }
    return selfRoleArn != null
        && c.caller() != null
        && (selfRoleArn.equals(c.caller().sessionIssuerArn())
            || selfRoleArn.equals(c.caller().arn()));
  }
}
