package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record kept on a node group while it is down: its sizes before and when it went down. Tag
 * value {@code 2-3-5@2026-11-25T18:00Z} (tag values allow digits, '-', '@', ':' but no commas).
 */
public record OriginalScaling(Sizes sizes, Instant downAt) {
  private static final Pattern FORMAT =
      Pattern.compile("^(\\d{1,6})-(\\d{1,6})-(\\d{1,6})@(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})Z$");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  public OriginalScaling {
    downAt = downAt.truncatedTo(ChronoUnit.MINUTES);
  }

  public String encode() {
    return sizes.encode()
        + "@"
        + MINUTE.format(LocalDateTime.ofInstant(downAt, ZoneOffset.UTC))
        + "Z";
  }

  /** Parses a tag value; throws IllegalArgumentException when someone edited it into nonsense. */
  public static OriginalScaling parse(String value) {
    Matcher m = FORMAT.matcher(value == null ? "" : value.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("'" + value + "' is not like 2-3-5@2026-11-25T18:00Z");
    }
    Sizes sizes =
        new Sizes(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    return new OriginalScaling(
        sizes, LocalDateTime.parse(m.group(4), MINUTE).toInstant(ZoneOffset.UTC));
  }

  /** Node-hours avoided: the recorded desired size times the hours down. */
  public double nodeHoursUntil(Instant now) {
    double hours = Math.max(0, Duration.between(downAt, now).toMinutes()) / 60.0;
    return sizes.desired() * hours;
  }
}
