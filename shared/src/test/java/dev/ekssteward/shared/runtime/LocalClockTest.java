package dev.ekssteward.shared.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.config.ConfigException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalClockTest {
  private static final Clock SYSTEM =
      Clock.fixed(Instant.parse("2026-12-06T15:00:00Z"), ZoneOffset.UTC);

  @Test
  void withoutTheVariableItIsTheSystemClockItself() {
    assertThat(LocalClock.from(Map.of(), SYSTEM)).isSameAs(SYSTEM);
    assertThat(LocalClock.from(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:5000"), SYSTEM))
        .isSameAs(SYSTEM);
  }

  @Test
  void localRunsStartAtTheSetInstantAndTick() {
    for (String endpoint :
        new String[] {"http://127.0.0.1:5000", "http://localhost:4566", "http://[::1]:5000"}) {
      Instant[] now = {SYSTEM.instant()};
      Clock system = new Ticking(now);
      Clock clock =
          LocalClock.from(
              Map.of("AWS_ENDPOINT_URL", endpoint, LocalClock.VARIABLE, "2026-12-07T18:05:00Z"),
              system);
      assertThat(clock.instant()).as(endpoint).isEqualTo(Instant.parse("2026-12-07T18:05:00Z"));
      now[0] = now[0].plusSeconds(90);
      assertThat(clock.instant())
          .as("it moves with the system clock")
          .isEqualTo(Instant.parse("2026-12-07T18:06:30Z"));
    }
  }

  /** A system clock the test moves. */
  private static final class Ticking extends Clock {
    private final Instant[] now;

    Ticking(Instant[] now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now[0];
    }
  }

  @Test
  void onRealAwsTheVariableIsRefusedByName() {
    for (Map<String, String> env :
        List.of(
            Map.of(LocalClock.VARIABLE, "2026-12-07T18:05:00Z"),
            Map.of(
                LocalClock.VARIABLE,
                "2026-12-07T18:05:00Z",
                "AWS_ENDPOINT_URL",
                "https://eks.eu-west-1.amazonaws.com"),
            Map.of(
                LocalClock.VARIABLE,
                "2026-12-07T18:05:00Z",
                "AWS_ENDPOINT_URL",
                "http://127.0.0.1.example.com:5000"))) {
      assertThatThrownBy(() -> LocalClock.from(env, SYSTEM))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("EKS_STEWARD_CLOCK")
          .hasMessageContaining("only in local runs");
    }
  }

  @Test
  void aMalformedInstantNamesTheVariable() {
    assertThatThrownBy(
            () ->
                LocalClock.from(
                    Map.of(
                        "AWS_ENDPOINT_URL",
                        "http://127.0.0.1:5000",
                        LocalClock.VARIABLE,
                        "tomorrow 19:05"),
                    SYSTEM))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("EKS_STEWARD_CLOCK")
        .hasMessageContaining("2026-12-07T18:05:00Z");
  }
}
