package dev.ekssteward.fargate.apply;

import dev.ekssteward.fargate.plan.ProfileAction;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import java.util.List;

/**
 * What the reconciler's executors share: the IAM resources and grants they act on, and auditing.
 */
final class ProfileAudit {

  /** Clusters (CreateFargateProfile is authorised on the cluster) in any region of the account. */
  static final String CLUSTERS = "cluster/*";

  /** Fargate profiles in any region of the account. */
  static final String PROFILES = "fargateprofile/*";

  /**
   * {@code iam:PassRole} of the pod execution roles under the stack parameter FargatePodRolePath,
   * to EKS Fargate only.
   */
  static final Permission PASS_POD_ROLE =
      new Permission(
              "iam:PassRole",
              "arn:${AWS::Partition}:iam::${AWS::AccountId}:role${FargatePodRolePath}*")
          // The role's principal is eks-fargate-pods; AWS does not document which of EKS's
          // principals the pass names, and the path already limits the roles to pod roles.
          .when(
              "StringEquals",
              "iam:PassedToService",
              "eks-fargate-pods.amazonaws.com",
              "eks.amazonaws.com");

  /** EKS's service-linked role for Fargate, in the function's own account. */
  static final String FARGATE_SLR =
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/aws-service-role/"
          + "eks-fargate.amazonaws.com/AWSServiceRoleForAmazonEKSForFargate";

  /**
   * CreateFargateProfile checks with the caller's rights that Fargate's service-linked role exists
   * ("Failed to validate if SLR: AWSServiceRoleForAmazonEKSForFargate already exists due to missing
   * permissions for 'iam:GetRole'"), and creates it in an account that never had a profile.
   */
  static final Permission CHECK_FARGATE_SLR = new Permission("iam:GetRole", FARGATE_SLR);

  static final Permission CREATE_FARGATE_SLR =
      new Permission("iam:CreateServiceLinkedRole", FARGATE_SLR)
          .when("StringEquals", "iam:AWSServiceName", "eks-fargate.amazonaws.com");

  /**
   * {@code eks:<action>} (CreateFargateProfile, TagResource, UntagResource) for the desired state's
   * tags, which never include a key under eks-steward/ (the desired state's rules): so the
   * reconciler cannot write a managed mark at creation or another function's record.
   */
  static Permission desiredTags(String action, String path) {
    return Permission.eks(action, path)
        .when("ForAllValues:StringNotLike", "aws:TagKeys", Contract.TAG_PREFIX + "*");
  }

  /** {@code eks:TagResource} of the managed mark alone. */
  static final Permission MARK =
      Permission.eks("TagResource", PROFILES)
          .when("ForAllValues:StringEquals", "aws:TagKeys", Contract.MANAGED_TAG);

  /**
   * {@code eks:DeleteFargateProfile} only of profiles that carry the managed mark (signed or not:
   * IAM sees only that the tag is there; the planner verifies the signature before a prune).
   */
  static final Permission DELETE_MARKED =
      Permission.eks("DeleteFargateProfile", PROFILES)
          .when("Null", "aws:ResourceTag/" + Contract.MANAGED_TAG, "false");

  private ProfileAudit() {}

  /**
   * When {@code answer} is done, the same with the audit event of the change: on the ARN EKS
   * answered (a new profile's), else on the action's own target when that is an ARN.
   */
  static Result audited(Result answer, String type, ProfileAction action) {
    return answer.then(
        done -> {
          String resource = done.value() != null ? done.value() : action.target();
          List<String> arns = resource.startsWith("arn:") ? List.of(resource) : List.of();
          return new Result.Done(
              done.value(), List.of(new AuditEvent(type, arns, action.details())), done.note());
        });
  }
}
