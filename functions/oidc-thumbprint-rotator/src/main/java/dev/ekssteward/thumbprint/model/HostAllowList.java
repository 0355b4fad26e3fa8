package dev.ekssteward.thumbprint.model;

import dev.ekssteward.shared.config.Glob;
import dev.ekssteward.shared.config.ThumbprintConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hosts this function may connect to: {@code thumbprints.allowedHosts} plus the hosts of {@code
 * thumbprints.extraIssuers}. A {@code *} matches within one DNS label only, so {@code
 * oidc.eks.*.amazonaws.com} cannot be stretched to {@code oidc.eks.evil.example.amazonaws.com}.
 */
public record HostAllowList(List<String> patterns) {

  public HostAllowList {
    patterns = patterns.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  public static HostAllowList of(ThumbprintConfig config) {
    List<String> patterns = new ArrayList<>(config.allowedHosts());
    for (String issuer : config.extraIssuers()) {
      try {
        patterns.add(IssuerUrl.parse(issuer).host());
      } catch (IllegalArgumentException e) {
        // Config validation reports malformed issuers; such an issuer allows nothing.
      }
    }
    return new HostAllowList(patterns);
  }

  public boolean allows(String host) {
    String[] labels = host.toLowerCase(Locale.ROOT).split("\\.", -1);
    for (String pattern : patterns) {
      String[] globs = pattern.split("\\.", -1);
      if (globs.length == labels.length && allMatch(globs, labels)) {
        return true;
      }
    }
    return false;
  }

  private static boolean allMatch(String[] globs, String[] labels) {
    for (int i = 0; i < globs.length; i++) {
      if (labels[i].isEmpty() || !Glob.matches(globs[i], labels[i])) {
        return false;
      }
    }
    return true;
  }
}
