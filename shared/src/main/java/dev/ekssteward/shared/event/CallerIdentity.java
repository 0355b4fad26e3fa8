package dev.ekssteward.shared.event;

/**
 * CloudTrail's {@code userIdentity}, reduced to what the functions use, and the CloudFormation
 * stack the call was made for.
 *
 * @param type IAMUser, AssumedRole, FederatedUser, AWSService, Root, ...
 * @param arn the caller's ARN (for AssumedRole: the STS assumed-role ARN)
 * @param userName the IAM user name (IAMUser only)
 * @param sessionIssuerArn the role behind an assumed-role session
 * @param invokedBy the AWS service that made the call on someone's behalf
 * @param stack the CloudFormation stack whose resource the call creates: the {@value #STACK_TAG}
 *     tag CloudFormation puts on it, as the call's request or response carries it; else null
 */
public record CallerIdentity(
    String type,
    String arn,
    String userName,
    String sessionIssuerArn,
    String invokedBy,
    String stack) {

  /** The tag (AWS's, not ours) that names the stack of a resource CloudFormation created. */
  public static final String STACK_TAG = "aws:cloudformation:stack-name";

  public CallerIdentity(
      String type, String arn, String userName, String sessionIssuerArn, String invokedBy) {
    this(type, arn, userName, sessionIssuerArn, invokedBy, null);
  }

  /** The role session name of an assumed role (the last segment of its ARN), else null. */
  public String sessionName() {
    if (!"AssumedRole".equals(type) || arn == null) {
      return null;
    }
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? null : arn.substring(slash + 1);
  }

  /**
   * The role of an assumed role: from {@code arn:aws:sts::1:assumed-role/<role>/<session>} (the
   * path-less name), else null.
   */
  public String roleName() {
    if (!"AssumedRole".equals(type) || arn == null) {
      return null;
    }
    String[] parts = arn.split("/");
    return parts.length == 3 && parts[0].endsWith(":assumed-role") ? parts[1] : null;
  }

  /** True for calls that AWS services make on their own (not a person or a pipeline). */
  public boolean isAwsService() {
    return "AWSService".equals(type) || (invokedBy != null && invokedBy.endsWith(".amazonaws.com"));
  }
}
