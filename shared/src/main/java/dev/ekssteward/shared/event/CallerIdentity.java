package dev.ekssteward.shared.event;

/**
 * CloudTrail's {@code userIdentity}, reduced to what the functions use.
 *
 * @param type IAMUser, AssumedRole, AWSService, Root, ...
 * @param arn the caller's ARN (for AssumedRole: the STS assumed-role ARN)
 * @param userName the IAM user name (IAMUser only)
 * @param sessionIssuerArn the role behind an assumed-role session
 * @param invokedBy the AWS service that made the call on someone's behalf
 */
public record CallerIdentity(
    String type, String arn, String userName, String sessionIssuerArn, String invokedBy) {

  /** The role session name of an assumed role (the last segment of its ARN), else null. */
  public String sessionName() {
    if (!"AssumedRole".equals(type) || arn == null) {
      return null;
    }
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? null : arn.substring(slash + 1);
  }

  /** True for calls that AWS services make on their own (not a person or a pipeline). */
  public boolean isAwsService() {
    return "AWSService".equals(type) || (invokedBy != null && invokedBy.endsWith(".amazonaws.com"));
  }
}
