package dev.ekssteward.tagging;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.event.Trigger.CloudTrailCall;
import dev.ekssteward.shared.runtime.Settings;

/**
 * Recognises the CloudTrail event of this function's own TagResource call, so the event it causes
 * does not start another run. Other eks-steward functions are not "us": a Fargate profile the
 * reconciler creates is still subject to the policy.
 */
final class SelfCall {
  /** What AwsClients appends to every SDK user agent of this function. */
  static final String USER_AGENT = AwsClients.USER_AGENT + "/" + TagEnforcer.NAME;

  private SelfCall() {}

  static boolean isOurs(CloudTrailCall call, Settings settings) {
    if (call.userAgent() != null && call.userAgent().contains(USER_AGENT)) {
      return true;
    }
    String role = settings.selfRoleArn();
    return role != null && call.caller() != null && role.equals(call.caller().sessionIssuerArn());
  }
}
