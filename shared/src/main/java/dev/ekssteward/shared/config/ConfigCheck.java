package dev.ekssteward.shared.config;

import java.util.List;

/** A function's own validation of its config section, run after parsing (window syntax, ...). */
public interface ConfigCheck {
  List<ConfigError> check(StewardConfig config);
}
