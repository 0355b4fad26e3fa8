package dev.ekssteward.shared.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document that failed validation, or a parameter that cannot be read for a reason retrying
 * cannot fix (access denied, a KMS key that cannot be used). Terminal: the run changes nothing.
 */
public final class ConfigException extends RuntimeException {
  private final String source;
  private final List<ConfigError> errors;

  public ConfigException(String source, List<ConfigError> errors) {
    this(
        "invalid "
            + source
            + ": "
            + errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")),
        source,
        errors);
  }

  private ConfigException(String message, String source, List<ConfigError> errors) {
    super(message);
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  /** The parameter could not be read; {@code reason} names the AWS error. */
  public static ConfigException unreadable(String parameter, String reason) {
    return new ConfigException(
        "cannot read " + parameter + ": " + reason + "; nothing was changed",
        parameter,
        List.of(new ConfigError("$", "cannot be read: " + reason)));
  }

  public String source() {
    return source;
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
