package dev.ekssteward.tagging;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TaggingConfig;

/** The tag policies the tests use, parsed and validated like the real config. */
final class Policies {
  static final String STANDARD_JSON =
      """
      {"tagging": {
        "creatorTagKey": "created-by",
        "required": [
          {"key": "team", "allowed": ["payments", "search"]},
          {"key": "cost-center", "pattern": "^[0-9]{4}$", "default": "0000", "propagateToAsg": true},
          {"key": "env", "allowed": ["dev", "staging", "prod"], "normalize": "lower"}
        ],
        "exemptClusters": ["sandbox-*"]
      }}
      """;

  private Policies() {}

  static StewardConfig config(String json) {
    return StewardConfig.parse(json, "test");
  }

  static TaggingConfig standard() {
    return config(STANDARD_JSON).tagging();
  }
}
