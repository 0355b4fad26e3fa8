package dev.ekssteward.shared.config;

import java.util.List;

/** Shell-style globs with {@code *} and {@code ?}, matched without regular expressions. */
public final class Glob {
  private Glob() {}

  public static boolean anyMatch(List<String> patterns, String text) {
    for (String p : patterns) {
      if (matches(p, text)) {
        return true;
      }
    }
    return false;
  }

  public static boolean matches(String pattern, String text) {
    int p = 0;
    int t = 0;
    int star = -1;
    int mark = 0;
    while (t < text.length()) {
      if (p < pattern.length()
          && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        mark = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++mark;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
