package dev.ekssteward.cli;

import dev.ekssteward.scheduler.schedule.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a schedule next turns a group up or down after {@code now}: the first minute whose state
 * differs (windows are minute-grained), looking at most {@link #HORIZON} ahead; null when it does
 * not change in that time (a schedule that is always up, or a holiday fortnight).
 */
record NextChange(Instant at, boolean up) {
  static final Duration HORIZON = Duration.ofDays(15);

  static NextChange after(Schedule schedule, Instant now) {
    Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
    boolean up = schedule.isUp(minute);
    Instant limit = minute.plus(HORIZON);
    for (Instant t = minute.plus(1, ChronoUnit.MINUTES);
        t.isBefore(limit);
        t = t.plus(1, ChronoUnit.MINUTES)) {
      if (schedule.isUp(t) != up) {
        return new NextChange(t, !up);
      }
    }
    return null;
  }

  String words() {
    return (up ? "up at " : "down at ") + at;
  }
}
