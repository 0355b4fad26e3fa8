package dev.ekssteward.scheduler.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The stored pause: the latest request for the same clusters wins; an unreadable one pauses
 * nothing.
 */
class PauseTest {
  static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");
  static final Instant LATER = NOW.plusSeconds(7200);
  static final Instant MUCH_LATER = NOW.plusSeconds(86400);

  @Test
  void pausesEveryClusterOrOneAndTheLatestRequestWins() {
    Pause all = Pause.NONE.with(null, MUCH_LATER, NOW);
    assertThat(all.until("dev-1", NOW)).isEqualTo(MUCH_LATER);
    assertThat(all.with(null, LATER, NOW).until("dev-1", NOW)).as("shortened").isEqualTo(LATER);
    assertThat(all.until("dev-1", MUCH_LATER)).as("over").isNull();

    Pause one = Pause.NONE.with("dev-1", LATER, NOW);
    assertThat(one.until("dev-1", NOW)).isEqualTo(LATER);
    assertThat(one.until("dev-2", NOW)).isNull();
    assertThat(all.with("dev-1", LATER, NOW).until("dev-1", NOW))
        .as("the whole fleet's longer pause still holds")
        .isEqualTo(MUCH_LATER);
    assertThat(one.with(null, LATER, NOW).clusters()).as("a release of all replaces").isEmpty();
  }

  @Test
  void roundTripsAndAnEditedDocumentPausesNothing() {
    Pause p = new Pause(LATER, Map.of("dev-1", MUCH_LATER));

    assertThat(p.encode())
        .isEqualTo("{\"until\":\"" + LATER + "\",\"clusters\":{\"dev-1\":\"" + MUCH_LATER + "\"}}");
    assertThat(Pause.parse(p.encode())).isEqualTo(p);
    assertThat(Pause.parse("forever")).isEqualTo(Pause.NONE);
    assertThat(Pause.parse("{\"until\":\"soon\"}")).isEqualTo(Pause.NONE);
  }
}
