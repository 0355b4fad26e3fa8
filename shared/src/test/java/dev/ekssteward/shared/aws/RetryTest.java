package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;

/**
 * The one retry layer, through a real SDK client built the way the functions build theirs, against
 * an endpoint that answers as EKS does under load or while a resource is busy.
 */
class RetryTest {
  private HttpServer server;
  private final AtomicInteger requests = new AtomicInteger();

  /** Answers to give, in order; then 200 with an empty cluster list. */
  private final Deque<String[]> script = new ArrayDeque<>();

  private EksClient eks;

  @BeforeEach
  void setUp() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          String[] answer = script.isEmpty() ? null : script.poll();
          int status = answer == null ? 200 : Integer.parseInt(answer[0]);
          String body =
              answer == null
                  ? "{\"clusters\":[]}"
                  : "{\"__type\":\"" + answer[1] + "\",\"message\":\"" + answer[2] + "\"}";
          if (answer != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", answer[1]);
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    Settings settings = new Settings("/eks-steward", true, null, "eu-west-1", url, null);
    System.setProperty("aws.accessKeyId", "testing");
    System.setProperty("aws.secretAccessKey", "testing");
    eks =
        new AwsClients(settings, "retry-test", List.of(), Waits.none().backoff())
            .eks(Target.home("eu-west-1"));
  }

  @AfterEach
  void tearDown() {
    server.stop(0);
  }

  private void answer(int times, int status, String code, String message) {
    for (int i = 0; i < times; i++) {
      script.add(new String[] {Integer.toString(status), code, message});
    }
  }

  @Test
  void requestLimitExceededWhichTheSdkAloneDoesNotRetryIsRetried() {
    answer(2, 400, "InvalidRequestException", "Request limit exceeded");

    assertThat(eks.listClusters().clusters()).isEmpty();
    assertThat(requests).hasValue(3);
  }

  @Test
  void aBusyResourceIsRetriedAndGivenUpAfterTheBoundedNumberOfAttempts() {
    answer(10, 409, "ResourceInUseException", "Nodegroup is in UPDATING state");

    assertThatThrownBy(() -> eks.listClusters()).isInstanceOf(ResourceInUseException.class);
    assertThat(requests).hasValue(Retry.MAX_ATTEMPTS);
  }

  @Test
  void validationErrorsAreNotRetried() {
    answer(1, 400, "InvalidParameterException", "Requested max capacity can't be less than 1");

    assertThatThrownBy(() -> eks.listClusters()).isInstanceOf(InvalidParameterException.class);
    assertThat(requests).hasValue(1);
  }

  @Test
  void throttlingAndServerErrorsAreRetriedAsTheSdkDoes() {
    answer(1, 400, "ThrottlingException", "Rate exceeded");
    answer(1, 500, "ServerException", "oops");

    assertThat(eks.listClusters().clusters()).isEmpty();
    assertThat(requests).hasValue(3);
  }

  @Test
  void productionBackoffIsExponentialWithFullJitterAndCapped() {
    for (int attempt = 1; attempt <= 10; attempt++) {
      Duration ceiling = Duration.ofMillis(Math.min(5000, 200L << Math.min(attempt - 1, 10)));
      assertThat(Retry.BACKOFF.computeDelay(attempt)).isBetween(Duration.ZERO, ceiling);
    }
  }

  private static EksException error(int status, String code, String message) {
    return (EksException)
        EksException.builder()
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .build();
  }

  @Test
  void classifiesErrors() {
    assertThat(Retry.isRetryable(error(500, "ServerException", "x"))).isTrue();
    assertThat(Retry.isRetryable(error(400, "ThrottlingException", "x"))).isTrue();
    assertThat(Retry.isRetryable(error(400, "InvalidRequestException", "Request limit exceeded")))
        .isTrue();
    assertThat(Retry.isRetryable(error(403, "AccessDeniedException", "x"))).isFalse();
    assertThat(Retry.isNotFound(error(404, "ResourceNotFoundException", "x"))).isTrue();
    assertThat(Retry.describe(error(400, "InvalidParameterException", "bad")))
        .isEqualTo("InvalidParameterException: bad");
  }
}
