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

  /** True for the logical name itself and any {@code <name>-<8 hex>}: the names ours may have. */
  public boolean namedLike(String profileName) {
    return profileName.equals(name)
        || (profileName.startsWith(name)
            && SUFFIX.matcher(profileName.substring(name.length())).matches());
  }

  /**
   * True when the profile {@code profileName}, which shows {@code observed}, is a version of this
   * one by its name alone: the logical name itself, or a replacement name whose suffix is the hash
   * of the spec it shows (8 hex digits alone are not enough: {@code web-20240611} has them too). A
   * spec asked for without subnets was hashed without them, and EKS shows the ones it chose, so the
   * hash is checked both ways. A suffix the hash does not explain is ours only under a verified
   * managed mark, which the planner decides.
   */
  public boolean owns(String profileName, ProfileSpec observed) {
    if (profileName.equals(name)) {
      return true;
    }
    if (!namedLike(profileName)) {
      return false;
    }
    String suffix = profileName.substring(name.length() + 1);
    return suffix.equals(observed.hash()) || suffix.equals(observed.withoutSubnets().hash());
  }
}
