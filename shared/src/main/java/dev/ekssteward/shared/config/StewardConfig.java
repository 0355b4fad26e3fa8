package dev.ekssteward.shared.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The validated {@code <prefix>/config} document. Every section is optional. */
public record StewardConfig(
    TargetsConfig targets,
    SchedulerConfig scheduler,
    ThumbprintConfig thumbprints,
    FargateConfig fargate,
    TaggingConfig tagging,
    LimitsConfig limits) {

  public static StewardConfig defaults() {
    return parse("{}", "defaults");
  }

  /** Longer documents are refused unread (Parameter Store's advanced tier holds 8 KB). */
  static final int MAX_CHARACTERS = 64 * 1024;

  /** Parses and validates; throws {@link ConfigException} naming every bad path. */
  public static StewardConfig parse(String json, String source) {
    if (json != null && json.length() > MAX_CHARACTERS) {
      throw new ConfigException(
          source,
          List.of(
              new ConfigError(
                  "$",
                  "has "
                      + json.length()
                      + " characters; a config document has at most "
                      + MAX_CHARACTERS)));
    }
    List<ConfigError> errors = new ArrayList<>();
    Node root = Node.parse(json, errors);
    StewardConfig config = read(root);
    if (root.isMissing() && errors.isEmpty()) {
      root.error("must be an object");
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(source, errors);
    }
    return config;
  }

  static StewardConfig read(Node root) {
    root.requireObject(
        Set.of("targets", "scheduler", "thumbprints", "fargate", "tagging", "limits"));
    return new StewardConfig(
        TargetsConfig.read(root.get("targets")),
        SchedulerConfig.read(root.get("scheduler")),
        ThumbprintConfig.read(root.get("thumbprints")),
        FargateConfig.read(root.get("fargate")),
        TaggingConfig.read(root.get("tagging")),
        LimitsConfig.read(root.get("limits")));
  }
}
