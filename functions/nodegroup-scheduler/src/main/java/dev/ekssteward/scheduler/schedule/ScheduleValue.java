package dev.ekssteward.scheduler.schedule;

import dev.ekssteward.shared.config.SchedulerConfig;
import dev.ekssteward.shared.config.SchedulerConfig.ScheduleDefinition;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a schedule value: the name of a config schedule, or one inline window with its zone ({@code
 * Mon-Fri 07:00-19:00 Europe/Berlin}). Tag values cannot hold commas or semicolons, so an inline
 * value is exactly one window.
 */
public final class ScheduleValue {
  private ScheduleValue() {}

  public static Schedule parse(String value, SchedulerConfig config) {
    String text = value == null ? "" : value.trim();
    if (text.isEmpty()) {
      throw new InvalidSchedule("schedule value is empty");
    }
    ScheduleDefinition named = config.schedules().get(text);
    if (named != null) {
      return fromDefinition(named);
    }
    String[] parts = text.split("\\s+");
    if (parts.length != 3) {
      throw new InvalidSchedule(
          "'"
              + text
              + "' is neither a schedule defined in config nor a window like"
              + " 'Mon-Fri 07:00-19:00 Europe/Berlin'");
    }
    ZoneId zone = zone(parts[2]);
    return new Schedule(zone, List.of(Window.parse(parts[0] + " " + parts[1])), Set.of());
  }

  public static Schedule fromDefinition(ScheduleDefinition definition) {
    List<Window> windows = new ArrayList<>();
    for (String w : definition.uptime()) {
      windows.add(Window.parse(w));
    }
    return new Schedule(definition.timezone(), windows, Set.copyOf(definition.holidays()));
  }

  static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new InvalidSchedule("unknown time zone '" + id + "'");
    }
  }
}
