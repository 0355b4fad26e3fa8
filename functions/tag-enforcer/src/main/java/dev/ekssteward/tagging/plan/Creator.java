package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.event.CallerIdentity;

/**
 * Who created a resource, as a legal tag value, from CloudTrail's {@code userIdentity}: the rule
 * table of docs/tag-enforcer.md ("The creator"), first match wins. CloudTrail keeps the caller's
 * own identity when CloudFormation acts with the caller's credentials and adds {@code invokedBy};
 * with a service role the identity is that role's {@code AWSCloudFormation} session.
 */
final class Creator {
  static final String CLOUDFORMATION = "cloudformation.amazonaws.com";

  /** invokedBy of calls people make in the console: still the person's own call. */
  static final String CONSOLE = "signin.amazonaws.com";

  /** The session CloudFormation opens as a stack's service role. */
  static final String CLOUDFORMATION_SESSION = "AWSCloudFormation";

  static final String STACK_PREFIX = "cloudformation/";

  private Creator() {}

  /** The creator's tag value; null for AWS services, root and anyone else no name is known for. */
  static String of(CallerIdentity caller) {
    if (caller == null || "AWSService".equals(caller.type())) {
      return null;
    }
    String service = caller.invokedBy();
    if (CLOUDFORMATION.equals(service)) {
      return legal(throughCloudFormation(caller));
    }
    if (service != null && !CONSOLE.equals(service)) {
      return null; // another service acting on its own (eks, autoscaling, "AWS Internal")
    }
    return legal(principal(caller));
  }

  /**
   * With the caller's credentials (eksctl, {@code aws cloudformation deploy}): the caller. As a
   * service role (CDK's cfn-exec-role): the stack its tags name, else that role.
   */
  private static String throughCloudFormation(CallerIdentity caller) {
    boolean serviceRole = CLOUDFORMATION_SESSION.equals(caller.sessionName());
    String principal = serviceRole ? null : principal(caller);
    if (principal != null) {
      return principal;
    }
    return caller.stack() != null ? STACK_PREFIX + caller.stack() : caller.roleName();
  }

  /** The IAM user, the federated user, or the role session (its role when a tool named it). */
  static String principal(CallerIdentity caller) {
    return switch (String.valueOf(caller.type())) {
      case "IAMUser" -> caller.userName() != null ? caller.userName() : last(caller.arn());
      case "FederatedUser" -> last(caller.arn()); // arn:aws:sts::1:federated-user/<name>
      case "AssumedRole" -> session(caller);
      default -> null; // Root, AWSAccount, IdentityCenterUser, Unknown
    };
  }

  private static String session(CallerIdentity caller) {
    String session = caller.sessionName();
    String role = caller.roleName();
    return ToolSessions.generated(session) && role != null ? role : session;
  }

  private static String last(String arn) {
    int slash = arn == null ? -1 : arn.lastIndexOf('/');
    return slash < 0 ? null : arn.substring(slash + 1);
  }

  /** Session names may hold commas, which tags forbid: such characters become '_'. */
  static String legal(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    String clipped = name.length() > TagLimits.MAX_VALUE ? name.substring(0, 256) : name;
    return clipped.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
  }
}
