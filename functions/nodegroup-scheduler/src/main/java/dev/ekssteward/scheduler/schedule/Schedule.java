package dev.ekssteward.scheduler.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

/**
 * When a node group should be up: inside any window, in the schedule's time zone, except on
 * holidays (local dates), when it is down all day. Evaluated on the local wall clock, so DST shifts
 * move the instants, never the local times.
 */
public record Schedule(ZoneId zone, List<Window> windows, Set<LocalDate> holidays) {
  /** How far back {@link #periodStart} looks for the last transition. */
  static final Duration LOOKBACK = Duration.ofDays(8);

  public Schedule {
    windows = List.copyOf(windows);
    holidays = Set.copyOf(holidays);
  }

  public boolean isUp(Instant instant) {
    LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    for (Window w : windows) {
      if (w.contains(local)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The minute the current up or down period began (windows are minute-grained). Ticks in the same
   * period get the same answer, so it identifies a transition; EPOCH when none is found nearby.
   */
  public Instant periodStart(Instant now) {
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    boolean up = isUp(minute);
    Instant limit = minute.minus(LOOKBACK);
    for (Instant t = minute; t.isAfter(limit); t = t.minus(1, ChronoUnit.MINUTES)) {
      Instant before = t.minus(1, ChronoUnit.MINUTES);
      if (isUp(before) != up) {
        return t;
      }
    }
    return Instant.EPOCH;
  }
}
