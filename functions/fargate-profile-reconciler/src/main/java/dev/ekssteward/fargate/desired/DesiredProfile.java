package dev.ekssteward.fargate.desired;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One profile of the desired state, under its logical name. The first profile is created under the
 * logical name itself; a replacement under {@link #derivedName()}, which depends only on the spec,
 * so a later run finds the replacement again without any remembered state.
 */
public record DesiredProfile(String name, ProfileSpec spec, Map<String, String> tags) {
  private static final Pattern SUFFIX = Pattern.compile("^-[0-9a-f]{8}$");

  public DesiredProfile {
    tags = java.util.Collections.unmodifiableMap(new TreeMap<>(tags));
  }

  /**
   * The tags the profile should carry. The managed mark is not among them: it is signed for the
   * profile's ARN once the profile exists ({@code MarkManaged}).
   */
  public Map<String, String> expectedTags() {
    return tags;
  }

  public String derivedName() {
    return name + "-" + spec.hash();
  }

  /** True for the logical name itself and any {@code <name>-<8 hex>} replacement name. */
  public boolean owns(String profileName) {
    return profileName.equals(name)
        || (profileName.startsWith(name)
            && SUFFIX.matcher(profileName.substring(name.length())).matches());
  }
}
