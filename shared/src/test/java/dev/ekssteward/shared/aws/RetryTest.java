package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;

class RetryTest {
  private final List<Duration> sleeps = new ArrayList<>();
  private final Retry retry =
      new Retry(4, Duration.ofMillis(100), Duration.ofSeconds(1), sleeps::add);

  private static EksException error(int status, String code, String message) {
    return (EksException)
        EksException.builder()
            .statusCode(status)
            .awsErrorDetails(
                AwsErrorDetails.builder().errorCode(code).errorMessage(message).build())
            .build();
  }

  @Test
  void retriesRequestLimitExceededWhichTheSdkDoesNot() {
    AtomicInteger attempts = new AtomicInteger();

    String result =
        retry.call(
            () -> {
              if (attempts.incrementAndGet() < 3) {
                throw error(400, "InvalidRequestException", "Request limit exceeded");
              }
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(attempts).hasValue(3);
    assertThat(sleeps).hasSize(2);
    assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void retriesResourceInUseByErrorCodeAndGivesUpAfterMaxAttempts() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw error(409, "ResourceInUseException", "busy");
                    }))
        .isInstanceOf(EksException.class);
    assertThat(attempts).hasValue(4);
  }

  @Test
  void doesNotRetryValidationErrors() {
    AtomicInteger attempts = new AtomicInteger();

    assertThatThrownBy(
            () ->
                retry.call(
                    () -> {
                      attempts.incrementAndGet();
                      throw InvalidParameterException.builder()
                          .statusCode(400)
                          .message("bad")
                          .build();
                    }))
        .isInstanceOf(InvalidParameterException.class);
    assertThat(attempts).hasValue(1);
    assertThat(sleeps).isEmpty();
  }

  @Test
  void classifiesErrors() {
    assertThat(Retry.isRetryable(error(500, "ServerException", "x"))).isTrue();
    assertThat(Retry.isRetryable(error(400, "ThrottlingException", "x"))).isTrue();
    assertThat(Retry.isRetryable(error(403, "AccessDeniedException", "x"))).isFalse();
    assertThat(Retry.isNotFound(error(404, "ResourceNotFoundException", "x"))).isTrue();
  }
}
