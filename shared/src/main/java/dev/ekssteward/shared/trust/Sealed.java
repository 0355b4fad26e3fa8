package dev.ekssteward.shared.trust;

import java.nio.charset.StandardCharsets;

/**
 * A tag value only the steward may write, as {@code <body> mac=v1.<mac>}: the MAC is the record
 * key's HMAC-SHA-256, in base64url without padding (43 characters, all legal in EKS tag values),
 * over {@code eks-steward|v1|<tag key>|<resource ARN>|<body>}. The ARN binds the value to one
 * resource (node group and Fargate profile ARNs end in a uuid, so neither another group nor a group
 * recreated under the same name verifies it); the tag key keeps a value of one kind from passing as
 * another; the version lets the scheme change. A value without {@code mac=} is unsigned.
 *
 * @param body what the value says (a size record, {@code true} for the managed mark)
 * @param version the scheme, or null when unsigned
 * @param mac the MAC as written, or null when unsigned
 */
public record Sealed(String body, String version, String mac) {
  public static final String VERSION = "v1";
  private static final String MARK = " mac=";

  public static Sealed parse(String tagValue) {
    String v = tagValue == null ? "" : tagValue.trim();
    int at = v.lastIndexOf(MARK);
    if (at < 0) {
      return new Sealed(v, null, null);
    }
    String seal = v.substring(at + MARK.length());
    int dot = seal.indexOf('.');
    return dot < 0
        ? new Sealed(v.substring(0, at), "", seal)
        : new Sealed(v.substring(0, at), seal.substring(0, dot), seal.substring(dot + 1));
  }

  public boolean signed() {
    return mac != null;
  }

  /** The bytes the MAC covers. */
  public static byte[] message(String tagKey, String arn, String body) {
    return String.join("|", "eks-steward", VERSION, tagKey, arn, body)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The tag value: {@code body} and its MAC. */
  public static String value(String body, String mac) {
    return body + MARK + VERSION + "." + mac;
  }
}
