package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.trust.Sealed;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record kept on a node group while it is down: its sizes before, when it went down, and the
 * max it was given for the night. Tag value {@code 2-3-5@2026-11-25T18:00Z max=1} (tag values allow
 * digits, '-', '@', ':', '=' and spaces, no commas). Records written before the night max existed
 * ({@code 2-3-5@2026-11-25T18:00Z}) kept the group's own max at night.
 *
 * @param nightMax the max the group was given when it went down (min and desired were 0)
 */
public record OriginalScaling(Sizes sizes, Instant downAt, int nightMax) {
  private static final Pattern FORMAT =
      Pattern.compile(
          "^(\\d{1,6})-(\\d{1,6})-(\\d{1,6})@(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})Z"
              + "(?: max=(\\d{1,6}))?$");
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  public OriginalScaling {
    downAt = downAt.truncatedTo(ChronoUnit.MINUTES);
  }

  /** The record of a group going down now, with at most {@code nightMaxSize} nodes at night. */
  public static OriginalScaling of(Sizes sizes, Instant downAt, int nightMaxSize) {
    return new OriginalScaling(sizes, downAt, Math.max(1, Math.min(nightMaxSize, sizes.max())));
  }

  /** The same record, written at another time (a scale-down finished later). */
  public OriginalScaling at(Instant time) {
    return new OriginalScaling(sizes, time, nightMax);
  }

  /** The night state: no node wanted, at most {@code nightMax} (EKS rejects max 0). */
  public Sizes night() {
    return new Sizes(0, 0, nightMax);
  }

  /**
   * Whether {@code current} is still this record's night: min 0 and the night max, whatever an
   * autoscaler made of desired within them. A changed min or max is a person's change.
   */
  public boolean asleep(Sizes current) {
    return current.min() == 0 && current.max() == nightMax && current.desired() <= nightMax;
  }

  public String encode() {
    return sizes.encode()
        + "@"
        + MINUTE.format(LocalDateTime.ofInstant(downAt, ZoneOffset.UTC))
        + "Z max="
        + nightMax;
  }

  /**
   * Parses a tag value; throws IllegalArgumentException when someone edited it into nonsense. A
   * signature ({@code … mac=v1.…}) is not read here: whether the record may be acted on is {@code
   * GroupDecision}'s question.
   */
  public static OriginalScaling parse(String value) {
    Matcher m = FORMAT.matcher(Sealed.parse(value).body());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + value + "' is not like 2-3-5@2026-11-25T18:00Z max=1");
    }
    Sizes sizes =
        new Sizes(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
    int nightMax = m.group(5) == null ? Math.max(1, sizes.max()) : Integer.parseInt(m.group(5));
    return new OriginalScaling(
        sizes, LocalDateTime.parse(m.group(4), MINUTE).toInstant(ZoneOffset.UTC), nightMax);
  }

  /** Node-hours avoided: the recorded desired size times the hours down. */
  public double nodeHoursUntil(Instant now) {
    double hours = Math.max(0, Duration.between(downAt, now).toMinutes()) / 60.0;
    return sizes.desired() * hours;
  }
}
