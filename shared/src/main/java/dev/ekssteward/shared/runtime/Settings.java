package dev.ekssteward.shared.runtime;

import dev.ekssteward.shared.config.ConfigError;
import dev.ekssteward.shared.config.ConfigException;
import dev.ekssteward.shared.metrics.MetricsNamespace;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a function learns from its environment. Read once at start-up; nothing here is a secret.
 *
 * @param configPrefix SSM prefix of the config and desired-state parameters
 * @param dryRun plan only, never mutate
 * @param auditBus EventBridge bus for audit events; null sends them to the log only
 * @param region the function's own region
 * @param endpoint an AWS endpoint override (moto), or null for real AWS
 * @param selfRoleArn the function's execution role, used to recognise events it caused itself
 * @param fanOutQueueUrl SQS queue a schedule tick fans out to (one message per target), or null
 * @param fanOutMinTargets fan out only when a tick covers at least this many targets
 * @param recheckQueueUrl SQS queue that delivers a deferred look at one resource back to the
 *     function (a delayed message), or null: a resource still in transition waits for the next tick
 * @param recordKeyId the stack's KMS HMAC key that signs the records only the steward may write
 *     ({@code RECORD_KEY_ID}), or null where no function of this deployment writes any
 * @param metricsNamespace the CloudWatch namespace of the metrics ({@link MetricsNamespace})
 */
public record Settings(
    String configPrefix,
    boolean dryRun,
    String auditBus,
    String region,
    URI endpoint,
    String selfRoleArn,
    String fanOutQueueUrl,
    int fanOutMinTargets,
    String recheckQueueUrl,
    String recordKeyId,
    String metricsNamespace) {

  public static final String DEFAULT_PREFIX = "/eks-steward";

  /**
   * With a queue, every tick fans out: each target's work then passes through its own FIFO message
   * group, which is what keeps two runs of one target apart (docs/deploy.md#fan-out).
   */
  public static final int DEFAULT_FANOUT_MIN_TARGETS = 1;

  /**
   * Without fan-out, a recheck queue or a record key, and with the default metrics namespace (tests
   * and local tools).
   */
  public Settings(
      String configPrefix,
      boolean dryRun,
      String auditBus,
      String region,
      URI endpoint,
      String selfRoleArn) {
    this(
        configPrefix,
        dryRun,
        auditBus,
        region,
        endpoint,
        selfRoleArn,
        null,
        DEFAULT_FANOUT_MIN_TARGETS,
        null,
        null,
        MetricsNamespace.DEFAULT);
  }

  public static Settings fromEnvironment() {
    return from(System.getenv());
  }

  public static Settings from(Map<String, String> env) {
    List<ConfigError> errors = new ArrayList<>();
    String prefix = blankToNull(env.get("CONFIG_PREFIX"));
    if (prefix == null) {
      prefix = DEFAULT_PREFIX;
    } else if (!prefix.matches("^/[A-Za-z0-9_.\\-/]{1,200}$") || prefix.endsWith("/")) {
      errors.add(
          new ConfigError("CONFIG_PREFIX", "must look like /eks-steward (no trailing slash)"));
    }
    String dry = blankToNull(env.get("DRY_RUN"));
    boolean dryRun = true;
    if (dry == null || dry.equalsIgnoreCase("true")) {
      dryRun = true;
    } else if (dry.equalsIgnoreCase("false")) {
      dryRun = false;
    } else {
      errors.add(new ConfigError("DRY_RUN", "must be true or false"));
    }
    String region = blankToNull(env.get("AWS_REGION"));
    if (region == null) {
      region = blankToNull(env.get("AWS_DEFAULT_REGION"));
    }
    if (region == null) {
      errors.add(new ConfigError("AWS_REGION", "is not set"));
    }
    URI endpoint = null;
    String url = blankToNull(env.get("AWS_ENDPOINT_URL"));
    if (url != null) {
      try {
        endpoint = new URI(url);
      } catch (URISyntaxException e) {
        errors.add(new ConfigError("AWS_ENDPOINT_URL", "is not a URL"));
      }
    }
    String queue = queueUrl(env, "FANOUT_QUEUE_URL", errors);
    String recheckQueue = queueUrl(env, "RECHECK_QUEUE_URL", errors);
    int minTargets = DEFAULT_FANOUT_MIN_TARGETS;
    String min = blankToNull(env.get("FANOUT_MIN_TARGETS"));
    if (min != null) {
      try {
        minTargets = Integer.parseInt(min);
      } catch (NumberFormatException e) {
        minTargets = 0;
      }
      if (minTargets < 1) {
        errors.add(new ConfigError("FANOUT_MIN_TARGETS", "must be a whole number of at least 1"));
      }
    }
    MetricsNamespace.check(env).ifPresent(errors::add);
    if (!errors.isEmpty()) {
      throw new ConfigException("environment", errors);
    }
    return new Settings(
        prefix,
        dryRun,
        blankToNull(env.get("AUDIT_BUS")),
        region,
        endpoint,
        blankToNull(env.get("STEWARD_ROLE_ARN")),
        queue,
        minTargets,
        recheckQueue,
        blankToNull(env.get("RECORD_KEY_ID")),
        MetricsNamespace.from(env));
  }

  private static String queueUrl(Map<String, String> env, String name, List<ConfigError> errors) {
    String url = blankToNull(env.get(name));
    if (url != null && !url.matches("^https?://\\S+$")) {
      errors.add(new ConfigError(name, "must be an SQS queue URL"));
    }
    return url;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String configParameter() {
    return configPrefix + "/config";
  }
}
