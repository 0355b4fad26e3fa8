package dev.ekssteward.thumbprint.apply;

/** The provider resources the rotator writes, as template.yaml's statements name them. */
final class ProviderArns {
  /**
   * EKS issuers' providers: {@code oidc.eks.<region>.<partition's domain>/id/<id>}, any region (the
   * config's targets.regions decides which; the wildcard stands for the region only, so a host like
   * {@code oidc.eks.example.com} does not match). The template also grants the extra issuers'
   * hosts, but those come from stack parameters (ThumbprintRotatorExtraIssuerHosts), not from code:
   * only this pattern is declared.
   */
  static final String EKS_PROVIDERS =
      "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.*.${AWS::URLSuffix}/id/*";

  private ProviderArns() {}
}
