package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.testing.FaultInjector.Kind;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Builds the exception the SDK itself would raise for a fault: the service's own exception class
 * ({@code EksException}, {@code IamException}, EKS's modelled {@code InvalidRequestException}) with
 * AWS's status and error code, or an {@code SdkClientException} around the I/O error.
 */
public final class Faults {
  /** Query-protocol services spell throttling and access denial without "Exception". */
  private static final Set<String> QUERY = Set.of("Iam", "Sts", "AutoScaling", "Ec2");

  private Faults() {}

  static SdkException of(Kind kind, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    boolean query = QUERY.contains(service);
    return switch (kind) {
      case SERVER_ERROR ->
          service(
              service, null, 500, query ? "ServiceFailure" : "InternalFailure", "internal error");
      case THROTTLE ->
          service(
              service, null, 400, query ? "Throttling" : "ThrottlingException", "Rate exceeded");
      case REQUEST_LIMIT ->
          service.equals("Eks")
              ? eksRequestLimit()
              : service(
                  service,
                  null,
                  400,
                  query ? "Throttling" : "ThrottlingException",
                  "Rate exceeded");
      case ACCESS_DENIED ->
          service(
              service,
              null,
              403,
              query ? "AccessDenied" : "AccessDeniedException",
              "not authorized to perform " + Actions.of(attributes));
      case TIMEOUT ->
          SdkClientException.builder()
              .message("Unable to execute HTTP request: Read timed out")
              .cause(new SocketTimeoutException("Read timed out"))
              .build();
      case ENDPOINT_DOWN ->
          SdkClientException.builder()
              .message("Unable to execute HTTP request: Connection refused")
              .cause(new ConnectException("Connection refused"))
              .build();
    };
  }

  /** EKS's "Request limit exceeded", as the SDK raises it (and does not retry). */
  public static AwsServiceException eksRequestLimit() {
    return service(
        "Eks", "InvalidRequestException", 400, "InvalidRequestException", "Request limit exceeded");
  }

  /** {@code software.amazon.awssdk.services.<svc>.model.<Svc>Exception} (or a modelled one). */
  private static AwsServiceException service(
      String service, String modelled, int status, String code, String message) {
    AwsErrorDetails details =
        AwsErrorDetails.builder()
            .serviceName(service)
            .errorCode(code)
            .errorMessage(message)
            .build();
    AwsServiceException.Builder builder;
    try {
      String pkg =
          "software.amazon.awssdk.services." + service.toLowerCase(Locale.ROOT) + ".model.";
      Class<?> type = Class.forName(pkg + (modelled != null ? modelled : service + "Exception"));
      Method factory = type.getMethod("builder");
      builder = (AwsServiceException.Builder) factory.invoke(null);
    } catch (ReflectiveOperationException e) {
      builder = AwsServiceException.builder();
    }
    return (AwsServiceException)
        builder.statusCode(status).awsErrorDetails(details).message(message).build();
  }
}
