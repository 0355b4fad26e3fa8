package dev.ekssteward.shared.config;

import java.util.regex.Pattern;

/** EKS and IAM tag rules: at most 50 tags, key 1-128, value 0-256, no {@code aws:} prefix. */
public final class TagLimits {
  public static final int MAX_TAGS = 50;
  public static final int MAX_KEY = 128;
  public static final int MAX_VALUE = 256;
  private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

  private TagLimits() {}

  /** Why {@code key} is not a legal tag key, or null when it is. */
  public static String keyProblem(String key) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
      return "tag keys are 1 to " + MAX_KEY + " characters";
    }
    if (key.toLowerCase(java.util.Locale.ROOT).startsWith("aws:")) {
      return "the aws: prefix is reserved";
    }
    if (!ALLOWED.matcher(key).matches()) {
      return "tag keys allow letters, digits, spaces and + - = . _ : / @ only";
    }
    return null;
  }

  /** Why {@code value} is not a legal tag value, or null when it is. */
  public static String valueProblem(String value) {
    if (value == null || value.length() > MAX_VALUE) {
      return "tag values are 0 to " + MAX_VALUE + " characters";
    }
    if (!ALLOWED.matcher(value).matches()) {
      return "tag values allow letters, digits, spaces and + - = . _ : / @ only";
    }
    return null;
  }
}
