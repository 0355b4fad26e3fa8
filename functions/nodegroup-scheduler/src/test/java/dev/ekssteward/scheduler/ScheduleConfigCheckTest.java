package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.config.StewardConfig;
import org.junit.jupiter.api.Test;

class ScheduleConfigCheckTest {
  private final ScheduleConfigCheck check = new ScheduleConfigCheck();

  @Test
  void validConfigPasses() {
    StewardConfig config =
        StewardConfig.parse(
            """
            {"scheduler": {"defaultSchedule": "office",
              "schedules": {"office": {"timezone": "UTC", "uptime": ["Fri-Mon 22:00-06:00"]}}}}
            """,
            "t");

    assertThat(check.check(config)).isEmpty();
  }

  @Test
  void inlineDefaultPasses() {
    StewardConfig config =
        StewardConfig.parse(
            "{\"scheduler\": {\"defaultSchedule\": \"Mon-Fri 08:00-18:00 Europe/Berlin\"}}", "t");

    assertThat(check.check(config)).isEmpty();
  }

  @Test
  void badWindowsAndUnknownDefaultAreNamedByPath() {
    StewardConfig config =
        StewardConfig.parse(
            """
            {"scheduler": {"defaultSchedule": "nights",
              "schedules": {"office": {"timezone": "UTC",
                                       "uptime": ["Mon-Fri 07:00-19:00", "weekdays 9-5"]}}}}
            """,
            "t");

    assertThat(check.check(config).stream().map(Object::toString))
        .containsExactly(
            "$.scheduler.schedules.office.uptime[1]: window 'weekdays 9-5' is not like"
                + " 'Mon-Fri 07:00-19:00' (days, then HH:MM-HH:MM)",
            "$.scheduler.defaultSchedule: 'nights' is neither a schedule defined in config nor a"
                + " window like 'Mon-Fri 07:00-19:00 Europe/Berlin'");
  }
}
