package dev.ekssteward.thumbprint.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * IAM's thumbprint list rules: at most five lower-case hex SHA-1 values, compared
 * case-insensitively (providers store either case), never empty.
 */
public final class Thumbprints {
  public static final int MAX = 5;
  private static final Pattern SHA1_HEX = Pattern.compile("^[0-9a-f]{40}$");

  private Thumbprints() {}

  public static String normalize(String thumbprint) {
    return thumbprint.trim().toLowerCase(Locale.ROOT);
  }

  public static boolean isValid(String thumbprint) {
    return thumbprint != null && SHA1_HEX.matcher(normalize(thumbprint)).matches();
  }

  /** What IAM accepts: one to five valid thumbprints. */
  public static boolean writable(List<String> list) {
    return !list.isEmpty() && list.size() <= MAX && list.stream().allMatch(Thumbprints::isValid);
  }

  /**
   * The current thumbprints first, then the existing entries newest first, without duplicates or
   * malformed entries, cut to five: the oldest (last) go first, the current ones never.
   */
  public static List<String> rotate(List<String> current, List<String> existing) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : current) {
      if (isValid(t)) {
        out.add(normalize(t));
      }
    }
    for (String t : existing) {
      if (out.size() >= MAX) {
        break;
      }
      if (isValid(t)) {
        out.add(normalize(t));
      }
    }
    return List.copyOf(out);
  }

  /** Same entries ignoring case, order and duplicates. */
  public static boolean sameSet(List<String> a, List<String> b) {
    return normalizedSet(a).equals(normalizedSet(b));
  }

  private static Set<String> normalizedSet(List<String> list) {
    Set<String> out = new LinkedHashSet<>();
    list.forEach(t -> out.add(normalize(t)));
    return out;
  }

  /** Entries of {@code a} not in {@code b}, ignoring case. */
  public static List<String> minus(List<String> a, List<String> b) {
    Set<String> remove = normalizedSet(b);
    List<String> out = new ArrayList<>();
    for (String t : normalizedSet(a)) {
      if (!remove.contains(t)) {
        out.add(t);
      }
    }
    return out;
  }
}
