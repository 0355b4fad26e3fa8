package dev.ekssteward.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Result;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * A mutation whose answer was lost is sent again by the SDK: the last attempt's refusal (409, 404,
 * already exists) then says nothing about who made the change, and only a look at AWS does.
 */
class AnswersTest {
  private final AtomicInteger looks = new AtomicInteger();

  @Test
  void aRetriedDeleteRefusedBecauseItIsGoingOrGoneIsDone() {
    assertThat(delete(busy(2), true)).isEqualTo(Result.done((String) null));
    assertThat(delete(notFound(3), true)).isEqualTo(Result.done((String) null));
    assertThat(looks).hasValue(2);
  }

  @Test
  void aRetriedDeleteOfAResourceThatIsStillThereIsWhatAwsSaid() {
    assertThat(delete(busy(2), false)).isInstanceOf(Result.Busy.class);
    assertThat(delete(notFound(2), false)).isInstanceOf(Result.NotFound.class);
  }

  @Test
  void aDeleteRefusedAtItsFirstAttemptIsWhatAwsSaidWithoutALook() {
    assertThat(delete(busy(1), true)).isInstanceOf(Result.Busy.class);
    assertThat(delete(notFound(1), true)).isInstanceOf(Result.NotFound.class);
    assertThat(delete(notFound(null), true)).isInstanceOf(Result.NotFound.class);
    assertThat(looks).hasValue(0);
  }

  @Test
  void aRetriedCreateAnsweredAlreadyExistsIsDoneWhenWhatExistsIsExactlyWhatItAskedFor() {
    assertThat(create(exists(2), "arn:ours")).isEqualTo(Result.done("arn:ours"));
    assertThat(create(exists(2), null))
        .isEqualTo(new Result.Unchanged("created meanwhile by someone else"));
    assertThat(looks).hasValue(2);
  }

  @Test
  void aCreateAnsweredAlreadyExistsAtItsFirstAttemptWasMadeBySomeoneElse() {
    assertThat(create(exists(1), "arn:ours"))
        .isEqualTo(new Result.Unchanged("created meanwhile by someone else"));
    assertThat(looks).hasValue(0);
  }

  @Test
  void aRetriedCreateRefusedForAnotherReasonIsWhatAwsSaid() {
    assertThat(create(busy(2), "arn:ours")).isInstanceOf(Result.Busy.class);
    assertThat(looks).hasValue(0);
  }

  private Result delete(AwsServiceException refusal, boolean goingOrGone) {
    return Answers.delete(
        thrower(refusal),
        () -> {
          looks.incrementAndGet();
          return goingOrGone;
        });
  }

  private Result create(AwsServiceException refusal, String ours) {
    return Answers.create(
        thrower(refusal),
        EntityAlreadyExistsException.class,
        "created meanwhile by someone else",
        () -> {
          looks.incrementAndGet();
          return ours;
        });
  }

  private static Supplier<String> thrower(AwsServiceException e) {
    return () -> {
      throw e;
    };
  }

  private static AwsServiceException busy(Integer attempts) {
    return ResourceInUseException.builder()
        .statusCode(409)
        .awsErrorDetails(details("ResourceInUseException"))
        .numAttempts(attempts)
        .build();
  }

  private static AwsServiceException notFound(Integer attempts) {
    return ResourceNotFoundException.builder()
        .statusCode(404)
        .awsErrorDetails(details("ResourceNotFoundException"))
        .numAttempts(attempts)
        .build();
  }

  private static AwsServiceException exists(Integer attempts) {
    return EntityAlreadyExistsException.builder()
        .statusCode(409)
        .awsErrorDetails(details("EntityAlreadyExists"))
        .numAttempts(attempts)
        .build();
  }

  private static AwsErrorDetails details(String code) {
    return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
  }
}
