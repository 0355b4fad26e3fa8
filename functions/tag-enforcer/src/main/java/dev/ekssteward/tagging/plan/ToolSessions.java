package dev.ekssteward.tagging.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Role session names that tools make up when nobody chose one. They name no one, so the creator is
 * the role instead (a CI role's {@code botocore-session-1732523460} is {@code ci-deployer}).
 */
final class ToolSessions {
  private static final List<Pattern> GENERATED =
      List.of(
          // boto3 and the AWS CLI, for assume-role profiles: 'botocore-session-%s' % int(time())
          Pattern.compile("botocore-session-\\d+"),
          // AWS SDK for Go v2, stscreds: "aws-go-sdk-%d" of UnixNano
          Pattern.compile("aws-go-sdk-\\d+"),
          // AWS SDKs for Java (assume-role profiles, web identity): "aws-sdk-java-" + millis
          Pattern.compile("aws-sdk-java-\\d+"),
          // AWS SDK for JavaScript v3, assume-role profiles: `aws-sdk-js-${Date.now()}`
          Pattern.compile("aws-sdk-js-\\d+"),
          // aws-actions/configure-aws-credentials (GitHub Actions, also with OIDC)
          Pattern.compile("GitHubActions"),
          // CloudFormation acting as a stack's service role
          Pattern.compile("AWSCloudFormation"),
          // the AWS CDK's EKS cluster provider: AWSCDK.EKSCluster.<request type>.<request id>
          Pattern.compile("AWSCDK\\.EKSCluster\\.[A-Za-z]+\\.[0-9A-Za-z-]+"),
          // EC2 instance profiles: the instance id
          Pattern.compile("i-[0-9a-f]{8}(?:[0-9a-f]{9})?"),
          // a bare number or UUID names no one either
          Pattern.compile("\\d+"),
          Pattern.compile(
              "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));

  private ToolSessions() {}

  static boolean generated(String session) {
    return session != null && GENERATED.stream().anyMatch(p -> p.matcher(session).matches());
  }
}
