package dev.ekssteward.fargate;

import dev.ekssteward.shared.testing.LocalAws;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

/** Probes for moto gaps that the local launcher is closing, so tests run as soon as it has. */
final class MotoGaps {
  private MotoGaps() {}

  /** True when moto's EKS TagResource works on a Fargate profile (moto 5.2: clusters only). */
  static boolean tagsFargateProfiles(LocalAws aws, String profileArn) {
    try {
      aws.eks().tagResource(r -> r.resourceArn(profileArn).tags(Map.of("probe", "1")));
      aws.eks().untagResource(r -> r.resourceArn(profileArn).tagKeys("probe"));
      return true;
    } catch (ResourceNotFoundException e) {
      return false;
    }
  }
}
