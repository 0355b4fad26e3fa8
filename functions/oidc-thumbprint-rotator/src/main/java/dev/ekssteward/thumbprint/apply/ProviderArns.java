package dev.ekssteward.thumbprint.apply;

/** The provider resources the rotator writes, as template.yaml's statements name them. */
final class ProviderArns {
  /**
   * EKS issuers' providers of the stack's own region: {@code oidc.eks.<region>.<partition's
   * domain>/id/<id>}. The template also grants the issuers of the regions in ManagedRegions and the
   * extra issuers' hosts; those come from stack parameters, not from code, so only this one is
   * declared.
   */
  static final String EKS_PROVIDERS =
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.${AWS::Region}.${AWS::URLSuffix}/id/*";

  private ProviderArns() {}
}
