package dev.ekssteward.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DST edges, instant by instant, in both hemispheres. */
class DstEdgeTest {

  @ParameterizedTest(name = "{0} {1} at {2} -> up={3}")
  @CsvSource({
    // Berlin spring forward 2026-03-29 02:00 CET -> 03:00 CEST: 02:30 never happens locally.
    "Sun 02:30-05:00, Europe/Berlin, 2026-03-29T00:59:00Z, false",
    "Sun 02:30-05:00, Europe/Berlin, 2026-03-29T01:00:00Z, true",
    // Office hours move by one UTC hour across the change; local 07:00 stays 07:00.
    "Mon-Fri 07:00-19:00, Europe/Berlin, 2026-03-27T06:00:00Z, true",
    "Mon-Fri 07:00-19:00, Europe/Berlin, 2026-03-27T05:59:00Z, false",
    "Mon-Fri 07:00-19:00, Europe/Berlin, 2026-03-30T05:00:00Z, true",
    "Mon-Fri 07:00-19:00, Europe/Berlin, 2026-03-30T04:59:00Z, false",
    "Mon-Fri 07:00-19:00, Europe/Berlin, 2026-03-30T16:59:00Z, true",
    "Mon-Fri 07:00-19:00, Europe/Berlin, 2026-03-30T17:00:00Z, false",
    // Berlin fall back 2026-10-25 03:00 CEST -> 02:00 CET: 02:15 happens twice, both inside.
    "Sun 02:00-02:30, Europe/Berlin, 2026-10-25T00:15:00Z, true",
    "Sun 02:00-02:30, Europe/Berlin, 2026-10-25T00:45:00Z, false",
    "Sun 02:00-02:30, Europe/Berlin, 2026-10-25T01:15:00Z, true",
    "Sun 02:00-02:30, Europe/Berlin, 2026-10-25T01:30:00Z, false",
    // New York spring forward 2026-03-08 02:00 EST -> 03:00 EDT, overnight window.
    "Sat-Sun 22:00-06:00, America/New_York, 2026-03-08T06:59:00Z, true",
    "Sat-Sun 22:00-06:00, America/New_York, 2026-03-08T09:59:00Z, true",
    "Sat-Sun 22:00-06:00, America/New_York, 2026-03-08T10:00:00Z, false",
    // New York fall back 2026-11-01 02:00 EDT -> 01:00 EST: the night is an hour longer.
    "Sat 22:00-06:00, America/New_York, 2026-11-01T10:59:00Z, true",
    "Sat 22:00-06:00, America/New_York, 2026-11-01T11:00:00Z, false",
    // Sydney DST starts 2026-10-04 02:00 AEST -> 03:00 AEDT; Monday 07:00 AEDT = Sunday 20:00Z.
    "Mon-Fri 07:00-19:00, Australia/Sydney, 2026-10-04T20:00:00Z, true",
    "Mon-Fri 07:00-19:00, Australia/Sydney, 2026-10-04T19:59:00Z, false",
    // Sydney DST ends 2026-04-05 03:00 AEDT -> 02:00 AEST; Monday 07:00 AEST = Sunday 21:00Z.
    "Mon-Fri 07:00-19:00, Australia/Sydney, 2026-04-05T21:00:00Z, true",
    "Mon-Fri 07:00-19:00, Australia/Sydney, 2026-04-05T20:59:00Z, false",
    // Fri-Mon wraps the week end; Tuesday is down.
    "Fri-Mon 09:00-17:00, Europe/Berlin, 2026-11-30T08:00:00Z, true",
    "Fri-Mon 09:00-17:00, Europe/Berlin, 2026-12-01T08:00:00Z, false",
  })
  void evaluatesOnTheLocalWallClock(String window, String zone, String instant, boolean up) {
    Schedule schedule = new Schedule(ZoneId.of(zone), List.of(Window.parse(window)), Set.of());

    assertThat(schedule.isUp(Instant.parse(instant))).isEqualTo(up);
  }

  @ParameterizedTest(name = "{0} at {1} began {2}")
  @CsvSource({
    "Mon-Fri 07:00-19:00, 2026-03-30T10:00:00Z, 2026-03-30T05:00:00Z",
    "Mon-Fri 07:00-19:00, 2026-03-28T10:00:00Z, 2026-03-27T18:00:00Z",
    "Mon-Fri 07:00-19:00, 2026-10-26T12:00:00Z, 2026-10-26T06:00:00Z",
  })
  void periodStartFollowsDst(String window, String now, String start) {
    Schedule schedule =
        new Schedule(ZoneId.of("Europe/Berlin"), List.of(Window.parse(window)), Set.of());

    assertThat(schedule.periodStart(Instant.parse(now))).isEqualTo(Instant.parse(start));
  }
}
