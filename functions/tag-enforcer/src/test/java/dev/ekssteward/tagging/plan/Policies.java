package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.config.TaggingConfig;
import java.util.Map;

/** The tag policies the tests use, parsed and validated like the real config. */
public final class Policies {
  public static final String STANDARD_JSON =
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

  /** Tags that satisfy the standard policy as they are. */
  public static final Map<String, String> GOOD =
      Map.of("team", "payments", "cost-center", "1234", "env", "dev");

  private Policies() {}

  public static StewardConfig config(String json) {
    return StewardConfig.parse(json, "test");
  }

  public static TaggingConfig standard() {
    return config(STANDARD_JSON).tagging();
  }
}
