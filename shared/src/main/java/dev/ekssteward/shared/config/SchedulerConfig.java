package dev.ekssteward.shared.config;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The node group scheduler's section. Window syntax is checked by the scheduler's ConfigCheck.
 * {@code pausesClusterAutoscaler}: {@code "clusterAutoscaler": "pause"} takes Cluster Autoscaler's
 * auto-discovery tags off a down group's Auto Scaling group until the morning (default "off").
 * {@code prices}: USD per instance-hour for the savings estimate ({@link InstancePrices}). {@code
 * acceptUnsignedRecordsUntil}: until when an earlier version's unsigned size record may be acted on
 * (null: never), so a migration window ends by itself.
 */
public record SchedulerConfig(
    int gracePeriodMinutes,
    int maxConcurrency,
    int wakeDurationMinutes,
    int nightMaxSize,
    int maxRestoreNodes,
    String defaultSchedule,
    Map<String, ScheduleDefinition> schedules,
    boolean pausesClusterAutoscaler,
    InstancePrices prices,
    Instant acceptUnsignedRecordsUntil) {

  /**
   * Default of each section's {@code maxConcurrency}: clusters (or issuers) worked on at once. 16
   * keeps a 1,000-cluster × 5-group sweep under a minute at 25 ms a call (docs/performance.md); a
   * cluster's calls stay sequential, so at most 16 EKS requests are in flight, and throttles
   * ("Request limit exceeded", ThrottlingException) are retried with backoff (aws.Retry).
   */
  public static final int DEFAULT_CONCURRENCY = 16;

  /**
   * A down group's max: what an autoscaler may still spend on it at night (desired moves within [0,
   * max]). 1 is the smallest max EKS accepts.
   */
  public static final int DEFAULT_NIGHT_MAX = 1;

  /**
   * The most nodes (desired and max) a size record may restore a group to; a record above it is
   * reported, not restored, and a group above it is not scaled down (its record could not be
   * restored). It bounds what a forged or replayed record could ever start.
   */
  public static final int DEFAULT_MAX_RESTORE_NODES = 100;

  private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

  /** A UTC instant to the second or a fraction of it: what docs/schema/config.schema.json says. */
  private static final Pattern UTC_INSTANT =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z$");

  /**
   * Whether an unsigned size record of an earlier version may be acted on at {@code now}: only
   * inside the migration window the config opens, never by default. Such a record cannot be told
   * from one a principal who may only tag wrote.
   */
  public boolean acceptsUnsignedRecords(Instant now) {
    return acceptUnsignedRecordsUntil != null && now.isBefore(acceptUnsignedRecordsUntil);
  }

  /** A named schedule: the group is up inside any uptime window, down on holidays. */
  public record ScheduleDefinition(
      ZoneId timezone, List<String> uptime, List<LocalDate> holidays) {}

  static SchedulerConfig read(Node node) {
    node.requireObject(
        Set.of(
            "gracePeriodMinutes",
            "maxConcurrency",
            "wakeDurationMinutes",
            "nightMaxSize",
            "maxRestoreNodes",
            "defaultSchedule",
            "schedules",
            "clusterAutoscaler",
            "prices",
            "acceptUnsignedRecordsUntil"));
    Map<String, ScheduleDefinition> schedules =
        node.get("schedules").entries(SchedulerConfig::schedule);
    String fallback = node.get("defaultSchedule").string(null);
    return new SchedulerConfig(
        node.get("gracePeriodMinutes").integer(30, 0, 7 * 24 * 60),
        node.get("maxConcurrency").integer(DEFAULT_CONCURRENCY, 1, 64),
        node.get("wakeDurationMinutes").integer(120, 1, 7 * 24 * 60),
        node.get("nightMaxSize").integer(DEFAULT_NIGHT_MAX, 1, 1000),
        node.get("maxRestoreNodes").integer(DEFAULT_MAX_RESTORE_NODES, 1, 100_000),
        fallback,
        schedules,
        pausesAutoscaler(node.get("clusterAutoscaler")),
        InstancePrices.read(node.get("prices")),
        until(node.get("acceptUnsignedRecordsUntil")));
  }

  private static Instant until(Node node) {
    String text = node.string(null);
    if (text == null) {
      return null;
    }
    try {
      if (UTC_INSTANT.matcher(text).matches()) {
        return Instant.parse(text);
      }
    } catch (DateTimeException e) {
      // reported below
    }
    node.error("must be a UTC time like 2027-01-31T00:00:00Z");
    return null;
  }

  private static boolean pausesAutoscaler(Node node) {
    String mode = node.string("off");
    if (!mode.equals("off") && !mode.equals("pause")) {
      node.error("must be \"off\" or \"pause\"");
    }
    return mode.equals("pause");
  }

  private static ScheduleDefinition schedule(String name, Node node) {
    if (!NAME.matcher(name).matches()) {
      node.error("schedule names use letters, digits, '.', '_' and '-' (at most 64)");
    }
    if (!node.requireObject(Set.of("timezone", "uptime", "holidays"))) {
      node.error("must be an object with timezone and uptime");
      return null;
    }
    ZoneId zone = null;
    String tz = node.get("timezone").requiredString();
    if (tz != null) {
      try {
        zone = ZoneId.of(tz);
      } catch (DateTimeException e) {
        node.get("timezone").error("unknown time zone '" + tz + "'");
      }
    }
    List<String> uptime = node.get("uptime").strings(List.of());
    if (uptime.isEmpty()) {
      node.get("uptime").error("needs at least one window such as \"Mon-Fri 07:00-19:00\"");
    }
    List<LocalDate> holidays = new ArrayList<>();
    for (Node day : node.get("holidays").items()) {
      String text = day.string(null);
      try {
        if (text != null) {
          holidays.add(LocalDate.parse(text));
        }
      } catch (DateTimeException e) {
        day.error("must be a date like 2026-12-25");
      }
    }
    return new ScheduleDefinition(zone, uptime, List.copyOf(holidays));
  }
}
