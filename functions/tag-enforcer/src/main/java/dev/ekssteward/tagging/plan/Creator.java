package dev.ekssteward.tagging.plan;

import dev.ekssteward.shared.config.TagLimits;
import dev.ekssteward.shared.event.CallerIdentity;

/** Who created a resource, as a legal tag value, taken from CloudTrail's userIdentity. */
final class Creator {
  private Creator() {}

  /**
   * The IAM user name, or the role session name of an assumed role; null for AWS services, root and
   * anything else a person cannot be named from.
   */
  static String of(CallerIdentity caller) {
    if (caller == null || caller.isAwsService()) {
      return null;
    }
    String name =
        switch (String.valueOf(caller.type())) {
          case "IAMUser" -> caller.userName();
          case "AssumedRole" -> caller.sessionName();
          default -> null;
        };
    return name == null || name.isBlank() ? null : legal(name);
  }

  /** Session names may hold commas, which tags forbid: such characters become '_'. */
  static String legal(String name) {
    String clipped = name.length() > TagLimits.MAX_VALUE ? name.substring(0, 256) : name;
    return clipped.replaceAll("[^\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]", "_");
  }
}
