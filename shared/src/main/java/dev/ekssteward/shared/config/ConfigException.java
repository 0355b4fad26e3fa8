package dev.ekssteward.shared.config;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A document that failed validation, or a parameter that cannot be read for a reason retrying
 * cannot fix (access denied, a KMS key that cannot be used). Terminal: the run changes nothing.
 */
public final class ConfigException extends RuntimeException {
  /** At most this many problems are listed (and audited); the rest are counted. */
  static final int LISTED = 50;

  private final String source;
  private final List<ConfigError> errors;

  public ConfigException(String source, List<ConfigError> errors) {
    this(
        "invalid "
            + source
            + ": "
            + listed(errors).stream().map(ConfigError::toString).collect(Collectors.joining("; ")),
        source,
        listed(errors));
  }

  /**
   * The first {@link #LISTED} problems, and how many more there were: a hostile document with a
   * million bad entries still makes a short message.
   */
  private static List<ConfigError> listed(List<ConfigError> errors) {
    if (errors.size() <= LISTED) {
      return errors;
    }
    List<ConfigError> first = new java.util.ArrayList<>(errors.subList(0, LISTED));
    first.add(new ConfigError("$", (errors.size() - LISTED) + " more problems not listed"));
    return first;
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
