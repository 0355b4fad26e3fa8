package dev.ekssteward.fargate.aws;

import dev.ekssteward.shared.testing.LocalAws;

/** Seeds EKS clusters in moto. */
public final class MotoClusters {
  private MotoClusters() {}

  public static void create(LocalAws aws, String name) {
    aws.eks()
        .createCluster(
            r ->
                r.name(name)
                    .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
                    .resourcesVpcConfig(v -> v.subnetIds("subnet-0abc1234", "subnet-0def5678")));
  }
}
