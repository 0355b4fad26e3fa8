package dev.ekssteward.shared.metrics;

import dev.ekssteward.shared.config.ConfigError;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The CloudWatch namespace the metrics go to: the stack's {@code MetricsNamespace} parameter,
 * passed as {@code METRICS_NAMESPACE}, so that two stacks in one account and region do not mix
 * their metrics (and their alarms and dashboards). CloudWatch allows 1–255 characters of letters,
 * digits and {@code . - _ / # :}, and reserves the {@code AWS/} prefix.
 */
public final class MetricsNamespace {
  public static final String VARIABLE = "METRICS_NAMESPACE";
  public static final String DEFAULT = "EksSteward";

  private static final Pattern VALID = Pattern.compile("^[A-Za-z0-9.\\-_/#:]{1,255}$");

  private MetricsNamespace() {}

  /** The namespace of this environment: the variable, or the default when unset or blank. */
  public static String from(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return DEFAULT;
    }
    if (problem(value.trim()).isPresent()) {
      // Settings.from reports it at start-up; the default keeps a misnamed stack's metrics
      // flowing rather than failing every run on a metrics line.
      return DEFAULT;
    }
    return value.trim();
  }

  /** What is wrong with a namespace, if anything (as a Settings error). */
  public static Optional<ConfigError> check(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return problem(value.trim()).map(reason -> new ConfigError(VARIABLE, reason));
  }

  private static Optional<String> problem(String value) {
    if (!VALID.matcher(value).matches()) {
      return Optional.of("must be 1-255 letters, digits or . - _ / # :");
    }
    if (value.startsWith("AWS/")) {
      return Optional.of("must not start with AWS/ (reserved for AWS services)");
    }
    return Optional.empty();
  }
}
