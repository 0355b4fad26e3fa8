package dev.ekssteward.scheduler.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Window evaluation against a reference model: a table of the 10080 local minutes of a week, filled
 * by walking each window minute by minute from its start. Random instants over three years in zones
 * with DST in both hemispheres, with overnight and weekday-wrapping windows.
 */
class WindowPropertyTest {
  private static final List<String> ZONES =
      List.of("Europe/Berlin", "America/New_York", "Australia/Sydney");
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

  record Case(String window, String zone, Instant instant) {}

  @Provide
  Arbitrary<Case> cases() {
    Arbitrary<String> days =
        Combinators.combine(
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(-1, 6))
            .as((a, b) -> b < 0 ? DAYS[a] : DAYS[a] + "-" + DAYS[b]);
    Arbitrary<Integer> minute = Arbitraries.integers().between(0, 24 * 60 - 1);
    Arbitrary<String> window =
        Combinators.combine(days, minute, minute)
            .filter((d, s, e) -> !s.equals(e))
            .as((d, s, e) -> d + " " + hhmm(s) + "-" + hhmm(e));
    Arbitrary<Instant> instant =
        Arbitraries.longs()
            .between(
                Instant.parse("2026-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2029-01-01T00:00:00Z").getEpochSecond())
            .map(Instant::ofEpochSecond);
    return Combinators.combine(window, Arbitraries.of(ZONES), instant).as(Case::new);
  }

  @Property(tries = 3000)
  void agreesWithTheMinuteTable(@ForAll("cases") Case c) {
    Schedule schedule =
        new Schedule(ZoneId.of(c.zone()), List.of(Window.parse(c.window())), Set.of());

    assertThat(schedule.isUp(c.instant()))
        .as("%s %s at %s", c.window(), c.zone(), c.instant())
        .isEqualTo(reference(c.window(), ZoneId.of(c.zone()), c.instant()));
  }

  @Property(tries = 300)
  void periodStartIsTheLastChange(@ForAll("cases") Case c) {
    Schedule schedule =
        new Schedule(ZoneId.of(c.zone()), List.of(Window.parse(c.window())), Set.of());
    Instant start = schedule.periodStart(c.instant());

    assertThat(schedule.isUp(start)).isEqualTo(schedule.isUp(c.instant()));
    assertThat(schedule.isUp(start.minusSeconds(60))).isNotEqualTo(schedule.isUp(start));
    assertThat(schedule.periodStart(start.plusSeconds(59))).isEqualTo(start);
  }

  /** Independent model: mark every local minute the window covers, then look the instant up. */
  static boolean reference(String window, ZoneId zone, Instant instant) {
    String[] parts = window.split(" ");
    String[] dayRange = parts[0].split("-");
    int first = index(dayRange[0]);
    int last = dayRange.length == 1 ? first : index(dayRange[1]);
    String[] times = parts[1].split("-");
    int start = minutes(times[0]);
    int end = minutes(times[1]);
    int length = end > start ? end - start : 24 * 60 - start + end;
    boolean[] week = new boolean[7 * 24 * 60];
    for (int d = first; ; d = (d + 1) % 7) {
      for (int m = 0; m < length; m++) {
        week[(d * 24 * 60 + start + m) % week.length] = true;
      }
      if (d == last) {
        break;
      }
    }
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    DayOfWeek dow = local.getDayOfWeek();
    return week[(dow.getValue() - 1) * 24 * 60 + local.getHour() * 60 + local.getMinute()];
  }

  private static int index(String day) {
    return List.of(DAYS).indexOf(day);
  }

  private static int minutes(String hhmm) {
    return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3));
  }

  private static String hhmm(int minutes) {
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }
}
