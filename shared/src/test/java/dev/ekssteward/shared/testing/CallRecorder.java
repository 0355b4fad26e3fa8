package dev.ekssteward.shared.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Records every AWS call a function makes as an IAM action name ({@code
 * eks:UpdateNodegroupConfig}). Tests assert the exact calls made or not made; every action is also
 * appended to {@code target/recorded-actions/<function>.txt} so the template's IAM can be checked
 * against the suite.
 */
public final class CallRecorder implements ExecutionInterceptor {
  private static final Map<String, String> PREFIX =
      Map.of(
          "Eks", "eks",
          "Iam", "iam",
          "Ssm", "ssm",
          "EventBridge", "events",
          "AutoScaling", "autoscaling",
          "Sts", "sts",
          "Ec2", "ec2");

  /** Batch operations IAM authorizes under the single-message action. */
  private static final Map<String, String> IAM_ACTION =
      Map.of(
          "sqs:SendMessageBatch", "sqs:SendMessage",
          "sqs:DeleteMessageBatch", "sqs:DeleteMessage");

  private final String function;
  private final List<String> calls = new ArrayList<>();

  public CallRecorder(String function) {
    this.function = function;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    String call = PREFIX.getOrDefault(service, service.toLowerCase()) + ":" + operation;
    String action = IAM_ACTION.getOrDefault(call, call);
    synchronized (this) {
      calls.add(action);
    }
    persist(action);
  }

  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Calls that change AWS state (everything but Describe/List/Get and audit PutEvents). */
  public synchronized List<String> mutations() {
    return calls.stream()
        .filter(c -> !c.matches("^[a-z0-9-]+:(Describe|List|Get|Verify).*"))
        .filter(c -> !c.equals("events:PutEvents"))
        .toList();
  }

  public synchronized void clear() {
    calls.clear();
  }

  private void persist(String action) {
    try {
      Path dir = Path.of("target", "recorded-actions");
      Files.createDirectories(dir);
      Files.writeString(
          dir.resolve(function + ".txt"),
          action + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
