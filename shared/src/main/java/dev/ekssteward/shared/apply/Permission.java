package dev.ekssteward.shared.apply;

/**
 * One IAM grant an executor needs, written as template.yaml writes it: the action, and the resource
 * pattern as the {@code !Sub} string of the statement's {@code Resource}.
 */
public record Permission(String action, String resource) {
  /** {@code arn:${AWS::Partition}:eks:*:${AWS::AccountId}:<path>}: EKS resources, any region. */
  public static Permission eks(String action, String path) {
    return new Permission("eks:" + action, "arn:${AWS::Partition}:eks:*:${AWS::AccountId}:" + path);
  }

  /**
   * {@code kms:<action>} on the stack's record key (template: {@code RecordKey}, in the stack's own
   * account and region, used with the function's own role).
   */
  public static Permission recordKey(String action) {
    return new Permission(
        "kms:" + action,
        "arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${RecordKey}");
  }
}
