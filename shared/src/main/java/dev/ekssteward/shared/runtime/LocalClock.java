package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.ConfigException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The clock the functions plan with: the system's, or, in local runs only, one that starts at the
 * instant in {@code EKS_STEWARD_CLOCK} and ticks from there (local/demo plays an evening, a night
 * and a morning in a few minutes). Local means an endpoint override on a loopback address, the rule
 * the rotator also uses to allow loopback issuers; a deployed function has no override, so there
 * the variable is refused with an error rather than ignored: a function planning with a wrong time
 * would scale groups down by day.
 */
public final class LocalClock {
  public static final String VARIABLE = "EKS_STEWARD_CLOCK";
  private static final Pattern LOOPBACK_IPV4 = Pattern.compile("^127(\\.\\d{1,3}){3}$");

  private LocalClock() {}

  public static Clock fromEnvironment() {
    return from(System.getenv(), Clock.systemUTC());
  }

  /** The system clock when the variable is unset (the normal path: one null check). */
  public static Clock from(Map<String, String> env, Clock system) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return system;
    }
    if (!loopback(env.get("AWS_ENDPOINT_URL"))) {
      throw refused(
          "is honoured only in local runs (AWS_ENDPOINT_URL on a loopback address); unset it");
    }
    try {
      Instant start = Instant.parse(value.trim());
      return Clock.offset(system, Duration.between(system.instant(), start));
    } catch (DateTimeParseException e) {
      throw refused("must be a UTC instant like 2026-12-07T18:05:00Z");
    }
  }

  /** By the URL alone, without a DNS lookup: localhost, 127.0.0.0/8 or ::1. */
  static boolean loopback(String endpoint) {
    if (endpoint == null || endpoint.isBlank()) {
      return false;
    }
    String host;
    try {
      host = URI.create(endpoint.trim()).getHost();
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (host == null) {
      return false;
    }
    host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return host.equalsIgnoreCase("localhost")
        || LOOPBACK_IPV4.matcher(host).matches()
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }

  private static ConfigException refused(String reason) {
    return new ConfigException("environment", List.of(new ConfigError(VARIABLE, reason)));
  }
}
