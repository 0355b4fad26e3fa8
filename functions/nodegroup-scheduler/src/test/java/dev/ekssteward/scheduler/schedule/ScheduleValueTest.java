package dev.ekssteward.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.config.StewardConfig;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleValueTest {
  private static final StewardConfig CONFIG =
      StewardConfig.parse(
          """
          {"scheduler": {"schedules": {"office-hours": {"timezone": "Europe/Berlin",
            "uptime": ["Mon-Fri 07:00-19:00", "Sat 10:00-12:00"], "holidays": ["2026-12-25"]}}}}
          """,
          "test");

  @Test
  void namedScheduleHasItsWindowsAndHolidays() {
    Schedule s = ScheduleValue.parse("office-hours", CONFIG.scheduler());

    assertThat(s.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(s.isUp(Instant.parse("2026-11-28T09:30:00Z"))).isTrue(); // Sat 10:30
    assertThat(s.isUp(Instant.parse("2026-12-24T09:00:00Z"))).isTrue(); // Thu
    assertThat(s.isUp(Instant.parse("2026-12-25T09:00:00Z"))).isFalse(); // Fri, holiday
  }

  @Test
  void inlineWindowCarriesItsZone() {
    Schedule s = ScheduleValue.parse("Mon-Fri 07:00-19:00 America/New_York", CONFIG.scheduler());

    assertThat(s.isUp(Instant.parse("2026-11-25T12:00:00Z"))).isTrue(); // 07:00 EST
    assertThat(s.isUp(Instant.parse("2026-11-25T11:59:00Z"))).isFalse();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "night-shift | 'night-shift' is neither a schedule defined in config nor a window like"
            + " 'Mon-Fri 07:00-19:00 Europe/Berlin'",
        "Mon-Fri 07:00-19:00 Mars/Olympus | unknown time zone 'Mars/Olympus'",
        "Mon-Fry 07:00-19:00 UTC | unknown day 'Fry' (use Mon Tue Wed Thu Fri Sat Sun)",
        "Mon-Fri 7:00-19:00 UTC | window 'Mon-Fri 7:00-19:00' is not like 'Mon-Fri 07:00-19:00'"
            + " (days, then HH:MM-HH:MM)",
        "Mon-Fri 07:00-25:00 UTC | hour 25 is not between 00 and 23",
        "Mon 07:00-07:00 UTC | window 'Mon 07:00-07:00' starts and ends at the same time",
      })
  void invalidValuesSayWhy(String value, String reason) {
    assertThatThrownBy(() -> ScheduleValue.parse(value, CONFIG.scheduler()))
        .isInstanceOf(InvalidSchedule.class)
        .hasMessage(reason);
  }
}
