package dev.ekssteward.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.scheduler.asg.AsgTag;
import dev.ekssteward.scheduler.asg.AutoscalerTags;
import dev.ekssteward.scheduler.eks.Sizes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OriginalScalingTest {
  private static final Instant EVENING = Instant.parse("2026-11-25T18:00:42Z");

  @Test
  void encodesWithoutCommasAndParsesBack() {
    OriginalScaling r = OriginalScaling.of(new Sizes(2, 3, 5), EVENING, 1);

    assertThat(r.encode())
        .isEqualTo("2-3-5@2026-11-25T18:00Z max=1")
        .matches("^[A-Za-z0-9 +=._:/@-]+$");
    assertThat(OriginalScaling.parse(r.encode())).isEqualTo(r);
  }

  @Test
  void theNightMaxIsTheConfiguredOneButNeverAboveTheGroupsNorBelowOne() {
    assertThat(OriginalScaling.of(new Sizes(2, 3, 5), EVENING, 1).night())
        .isEqualTo(new Sizes(0, 0, 1));
    assertThat(OriginalScaling.of(new Sizes(2, 3, 5), EVENING, 10).night())
        .isEqualTo(new Sizes(0, 0, 5));
    assertThat(OriginalScaling.of(new Sizes(0, 1, 0), EVENING, 1).night())
        .isEqualTo(new Sizes(0, 0, 1));
  }

  @Test
  void aRecordWrittenBeforeTheNightMaxKeptTheGroupsOwnMax() {
    OriginalScaling legacy = OriginalScaling.parse("2-3-5@2026-11-25T18:00Z");

    assertThat(legacy.night()).isEqualTo(new Sizes(0, 0, 5));
    assertThat(legacy.sizes()).isEqualTo(new Sizes(2, 3, 5));
  }

  @Test
  void asleepMeansTheNightBoundsWhateverTheAutoscalerDidToDesired() {
    OriginalScaling r = OriginalScaling.of(new Sizes(2, 3, 5), EVENING, 3);

    assertThat(r.asleep(new Sizes(0, 0, 3))).isTrue();
    assertThat(r.asleep(new Sizes(0, 3, 3))).as("the autoscaler at the night max").isTrue();
    assertThat(r.asleep(new Sizes(1, 1, 3))).as("a person raised min").isFalse();
    assertThat(r.asleep(new Sizes(0, 0, 4))).as("a person raised max").isFalse();
    assertThat(r.asleep(new Sizes(2, 3, 5))).as("back at the recorded sizes").isFalse();
  }

  @Test
  void nodeHoursAreDesiredTimesHoursDown() {
    OriginalScaling r =
        OriginalScaling.of(new Sizes(2, 3, 5), Instant.parse("2026-11-25T18:00:00Z"), 1);

    assertThat(r.nodeHoursUntil(Instant.parse("2026-11-26T06:30:00Z"))).isEqualTo(37.5);
  }

  @Test
  void editedValuesAreRejected() {
    assertThatThrownBy(() -> OriginalScaling.parse("2,3,5"))
        .hasMessage("'2,3,5' is not like 2-3-5@2026-11-25T18:00Z max=1");
  }

  @Test
  void autoscalerTagsTakenOffAreRememberedWithTheirValuesAndPropagation() {
    AutoscalerTags tags = new AutoscalerTags(new AsgTag("true", true), new AsgTag("owned", false));
    OriginalScaling r = OriginalScaling.of(new Sizes(2, 3, 5), EVENING, 1).remembering(tags);

    assertThat(r.encode()).isEqualTo("2-3-5@2026-11-25T18:00Z max=1 cae=1:true cac=0:owned");
    assertThat(OriginalScaling.parse(r.encode())).isEqualTo(r);
    assertThat(OriginalScaling.mentionsAutoscaler(r.encode())).isTrue();
    assertThat(OriginalScaling.parse("2-3-5@2026-11-25T18:05Z max=1 cac=1:").autoscaler())
        .isEqualTo(new AutoscalerTags(null, new AsgTag("", true)));
    assertThat(OriginalScaling.parse("2-3-5@2026-11-25T18:05Z max=1").autoscaler().isEmpty())
        .isTrue();
  }

  @Test
  void aValueATagCannotHoldIsNotRemembered() {
    OriginalScaling r = OriginalScaling.of(new Sizes(2, 3, 5), EVENING, 1);

    assertThat(r.remembering(new AutoscalerTags(new AsgTag("yes please", true), null))).isNull();
    assertThat(r.remembering(new AutoscalerTags(new AsgTag("x".repeat(128), true), null)))
        .isNotNull();
    assertThat(
            r.remembering(
                new AutoscalerTags(
                    new AsgTag("x".repeat(128), true), new AsgTag("y".repeat(128), true))))
        .as("longer than a tag value's 256 characters")
        .isNull();
  }
}
