package dev.ekssteward.scheduler.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.scheduler.eks.Sizes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class OriginalScalingTest {
  @Test
  void encodesWithoutCommasAndParsesBack() {
    OriginalScaling r =
        new OriginalScaling(new Sizes(2, 3, 5), Instant.parse("2026-11-25T18:00:42Z"));

    assertThat(r.encode()).isEqualTo("2-3-5@2026-11-25T18:00Z").matches("^[A-Za-z0-9 +=._:/@-]+$");
    assertThat(OriginalScaling.parse(r.encode())).isEqualTo(r);
  }

  @Test
  void nodeHoursAreDesiredTimesHoursDown() {
    OriginalScaling r =
        new OriginalScaling(new Sizes(2, 3, 5), Instant.parse("2026-11-25T18:00:00Z"));

    assertThat(r.nodeHoursUntil(Instant.parse("2026-11-26T06:30:00Z"))).isEqualTo(37.5);
  }

  @Test
  void editedValuesAreRejected() {
    assertThatThrownBy(() -> OriginalScaling.parse("2,3,5"))
        .hasMessage("'2,3,5' is not like 2-3-5@2026-11-25T18:00Z");
  }
}
