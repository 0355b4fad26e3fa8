package dev.ekssteward.shared.config;

import java.util.List;
import java.util.stream.Collectors;

/** A document that failed validation. Terminal: retrying the same document cannot help. */
public final class ConfigException extends RuntimeException {
  private final String source;
  private final List<ConfigError> errors;

  public ConfigException(String source, List<ConfigError> errors) {
    super(
        "invalid "
            + source
            + ": "
            + errors.stream().map(ConfigError::toString).collect(Collectors.joining("; ")));
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  public String source() {
    return source;
  }

  public List<ConfigError> errors() {
    return errors;
  }
}
