package dev.ekssteward.shared.testing;

import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** IAM-style names of SDK calls ({@code eks:UpdateNodegroupConfig}) and which of them mutate. */
public final class Actions {
  private static final Map<String, String> PREFIX =
      Map.of(
          "Eks", "eks",
          "Iam", "iam",
          "Ssm", "ssm",
          "EventBridge", "events",
          "AutoScaling", "autoscaling",
          "Sts", "sts",
          "Ec2", "ec2");

  private Actions() {}

  public static String of(ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return PREFIX.getOrDefault(service, service.toLowerCase(Locale.ROOT)) + ":" + operation;
  }

  /** Changes AWS state: everything but Describe/List/Get, AssumeRole and audit PutEvents. */
  public static boolean mutates(String action) {
    return !action.matches("^[a-z0-9-]+:(Describe|List|Get).*")
        && !action.equals("events:PutEvents")
        && !action.equals("sts:AssumeRole");
  }
}
