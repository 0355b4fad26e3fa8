package dev.ekssteward.shared.config;

import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.pipeline.TransientFailureException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns a failed read of the config parameter into what the run should do: retry the whole
 * invocation (throttling, 5xx, network: Lambda's retries apply) or stop with a report that names
 * the parameter and the AWS error (anything else, e.g. access denied: retrying cannot help).
 */
final class ConfigReadFailure {
  private ConfigReadFailure() {}

  static RuntimeException of(String parameter, SdkException e) {
    String reason = reason(e);
    if (Retry.isRetryable(e)) {
      return new TransientFailureException(
          "cannot read " + parameter + "; the run will be retried: " + reason, e);
    }
    return ConfigException.unreadable(parameter, reason);
  }

  /** Error code, HTTP status and AWS's own message; never the request or credentials. */
  static String reason(SdkException e) {
    if (e instanceof AwsServiceException ase) {
      String message =
          ase.awsErrorDetails() == null || ase.awsErrorDetails().errorMessage() == null
              ? ase.getMessage()
              : ase.awsErrorDetails().errorMessage();
      return "ssm:GetParameter failed with "
          + Retry.errorCode(ase)
          + " (HTTP "
          + ase.statusCode()
          + "): "
          + message;
    }
    return "ssm:GetParameter failed: " + e.getMessage();
  }
}
