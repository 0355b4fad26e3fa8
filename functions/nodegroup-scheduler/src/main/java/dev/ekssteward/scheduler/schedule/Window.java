package dev.ekssteward.scheduler.schedule;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One uptime window in local time: {@code Mon-Fri 07:00-19:00}. Days name the day a window starts
 * on; a window whose end is not after its start runs past midnight into the next day.
 */
public record Window(Set<DayOfWeek> days, LocalTime start, LocalTime end) {
  private static final Pattern SYNTAX =
      Pattern.compile(
          "^([A-Za-z]{3})(?:-([A-Za-z]{3}))? ([0-2]\\d):([0-5]\\d)-([0-2]\\d):([0-5]\\d)$");

  public Window {
    days = Set.copyOf(days);
  }

  /** Parses {@code <Days> <HH:MM>-<HH:MM>}; throws {@link InvalidSchedule} naming the problem. */
  public static Window parse(String text) {
    Matcher m = SYNTAX.matcher(text.trim());
    if (!m.matches()) {
      throw new InvalidSchedule(
          "window '" + text + "' is not like 'Mon-Fri 07:00-19:00' (days, then HH:MM-HH:MM)");
    }
    DayOfWeek first = day(m.group(1));
    DayOfWeek last = m.group(2) == null ? first : day(m.group(2));
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (DayOfWeek d = first; ; d = d.plus(1)) {
      days.add(d);
      if (d == last) {
        break;
      }
    }
    LocalTime start = time(m.group(3), m.group(4));
    LocalTime end = time(m.group(5), m.group(6));
    if (start.equals(end)) {
      throw new InvalidSchedule("window '" + text + "' starts and ends at the same time");
    }
    return new Window(days, start, end);
  }

  /** Whether the local wall-clock time lies inside this window. */
  public boolean contains(LocalDateTime local) {
    LocalTime t = local.toLocalTime();
    DayOfWeek day = local.getDayOfWeek();
    if (start.isBefore(end)) {
      return days.contains(day) && !t.isBefore(start) && t.isBefore(end);
    }
    return (days.contains(day) && !t.isBefore(start))
        || (days.contains(day.minus(1)) && t.isBefore(end));
  }

  private static DayOfWeek day(String name) {
    for (DayOfWeek d : DayOfWeek.values()) {
      String abbrev = d.name().substring(0, 3);
      if (abbrev.equalsIgnoreCase(name)) {
        return d;
      }
    }
    throw new InvalidSchedule("unknown day '" + name + "' (use Mon Tue Wed Thu Fri Sat Sun)");
  }

  private static LocalTime time(String hours, String minutes) {
    int h = Integer.parseInt(hours);
    if (h > 23) {
      throw new InvalidSchedule("hour " + hours + " is not between 00 and 23");
    }
    return LocalTime.of(h, Integer.parseInt(minutes));
  }
}
