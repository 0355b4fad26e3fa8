package dev.ekssteward.local.runner;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * The Lambda context of a local invocation, built from the variables SAM (and local/invoke) set:
 * {@code AWS_LAMBDA_FUNCTION_NAME}, {@code _TIMEOUT} (seconds), {@code _MEMORY_SIZE}, {@code
 * AWS_REGION} and {@code AWS_ACCOUNT_ID} (SAM's and moto's default account when unset).
 */
record LocalContext(
    String functionName,
    String invokedFunctionArn,
    long timeoutMillis,
    int memoryMb,
    String requestId,
    long deadline)
    implements Context {

  static LocalContext fromEnvironment(Map<String, String> env) {
    String name = env.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "LocalFunction");
    String region =
        env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", "us-east-1"));
    String account = env.get("AWS_ACCOUNT_ID");
    if (account == null || account.isBlank()) {
      // local/invoke always sets it (from the shell or STS GetCallerIdentity); no made-up account.
      throw new IllegalStateException(
          "AWS_ACCOUNT_ID is not set: run through local/invoke, or set it to the account to use");
    }
    long timeout = 1000L * Long.parseLong(env.getOrDefault("AWS_LAMBDA_FUNCTION_TIMEOUT", "3"));
    int memory = Integer.parseInt(env.getOrDefault("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "128"));
    String arn = "arn:aws:lambda:" + region + ":" + account + ":function:" + name;
    return new LocalContext(
        name,
        arn,
        timeout,
        memory,
        UUID.randomUUID().toString(),
        System.currentTimeMillis() + timeout);
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "$LATEST";
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return invokedFunctionArn;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline - System.currentTimeMillis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryMb;
  }

  /** Logs go where Lambda's would go locally: stderr, never the reply. */
  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        System.err.println(message);
      }

      @Override
      public void log(byte[] message) {
        System.err.println(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
