package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.asg.AsgTag;
import dev.ekssteward.scheduler.asg.AutoscalerTags;
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
 * The record kept on a node group while it is down: its sizes before, when it went down, the max it
 * was given for the night, and the Cluster Autoscaler tags taken off its Auto Scaling group
 * (opt-in). Tag value {@code 2-3-5@2026-11-25T18:00Z max=1}, with {@code cae=1:true cac=1:owned}
 * appended when the autoscaler's {@code enabled} and {@code <cluster>} tags were taken off ({@code
 * 1}: they propagated at launch). Tag values allow digits, '-', '@', ':', '=' and spaces, no
 * commas. Records written before the night max existed ({@code 2-3-5@2026-11-25T18:00Z}) kept the
 * group's own max.
 *
 * @param nightMax the max the group was given when it went down (min and desired were 0)
 * @param autoscaler the autoscaler tags taken off its Auto Scaling group, {@link
 *     AutoscalerTags#NONE} when none were
 */
public record OriginalScaling(
    Sizes sizes, Instant downAt, int nightMax, AutoscalerTags autoscaler) {
  /** Characters a remembered tag value may have (a tag value's, without space). */
  private static final String VALUE = "[A-Za-z0-9+\\-=._:/@]{0,128}";

  private static final Pattern FORMAT =
      Pattern.compile(
          "^(\\d{1,6})-(\\d{1,6})-(\\d{1,6})@(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})Z"
              + "(?: max=(\\d{1,6}))?(?: cae=([01]):("
              + VALUE
              + "))?(?: cac=([01]):("
              + VALUE
              + "))?$");

  private static final Pattern SAFE = Pattern.compile("^" + VALUE + "$");

  /** EKS's longest tag value. */
  static final int MAX_TAG_VALUE = 256;

  /** The longest body: the signature ({@code " mac=v1."} and 43 characters) follows it. */
  static final int MAX_BODY = MAX_TAG_VALUE - Sealed.value("", "x".repeat(43)).length();

  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  public OriginalScaling {
    downAt = downAt.truncatedTo(ChronoUnit.MINUTES);
    autoscaler = autoscaler == null ? AutoscalerTags.NONE : autoscaler;
  }

  public OriginalScaling(Sizes sizes, Instant downAt, int nightMax) {
    this(sizes, downAt, nightMax, AutoscalerTags.NONE);
  }

  /** The record of a group going down now, with at most {@code nightMaxSize} nodes at night. */
  public static OriginalScaling of(Sizes sizes, Instant downAt, int nightMaxSize) {
    return new OriginalScaling(sizes, downAt, Math.max(1, Math.min(nightMaxSize, sizes.max())));
  }

  /** The same record, written at another time (a scale-down finished later). */
  public OriginalScaling at(Instant time) {
    return new OriginalScaling(sizes, time, nightMax, autoscaler);
  }

  /**
   * The same record remembering {@code tags} (taken off the group's ASG); null when a value cannot
   * be written into a tag value (a space, or the signed record would pass 256 characters).
   */
  public OriginalScaling remembering(AutoscalerTags tags) {
    OriginalScaling out = new OriginalScaling(sizes, downAt, nightMax, tags);
    boolean safe =
        (tags.enabled() == null || SAFE.matcher(tags.enabled().value()).matches())
            && (tags.cluster() == null || SAFE.matcher(tags.cluster().value()).matches());
    return safe && out.encode().length() <= MAX_BODY ? out : null;
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
        + nightMax
        + token(" cae=", autoscaler.enabled())
        + token(" cac=", autoscaler.cluster());
  }

  private static String token(String name, AsgTag tag) {
    return tag == null ? "" : name + (tag.propagateAtLaunch() ? "1" : "0") + ":" + tag.value();
  }

  /** Whether a tag value (not parsed yet) says autoscaler tags were taken off. */
  public static boolean mentionsAutoscaler(String value) {
    return value != null && (value.contains(" cae=") || value.contains(" cac="));
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
    AutoscalerTags autoscaler =
        new AutoscalerTags(tag(m.group(6), m.group(7)), tag(m.group(8), m.group(9)));
    return new OriginalScaling(
        sizes,
        LocalDateTime.parse(m.group(4), MINUTE).toInstant(ZoneOffset.UTC),
        nightMax,
        autoscaler);
  }

  private static AsgTag tag(String propagate, String value) {
    return propagate == null ? null : new AsgTag(value, propagate.equals("1"));
  }

  /** Node-hours avoided: the recorded desired size times the hours down. */
  public double nodeHoursUntil(Instant now) {
    double hours = Math.max(0, Duration.between(downAt, now).toMinutes()) / 60.0;
    return sizes.desired() * hours;
  }
}
