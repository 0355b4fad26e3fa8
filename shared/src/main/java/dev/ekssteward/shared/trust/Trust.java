package dev.ekssteward.shared.trust;

/**
 * Whether a record may be acted on; if not, why (the finding {@value #NOT_TRUSTED} says it).
 *
 * @param trusted signed by the stack's key for this resource, or an earlier version's record that
 *     agrees with the resource
 * @param reason why (not): "unsigned", "bad signature", "cannot verify: …"
 */
public record Trust(boolean trusted, String reason) {
  /** The finding of a record that is not acted on because the steward may not have written it. */
  public static final String NOT_TRUSTED = "Record Not Trusted";

  public static final Trust SIGNED = new Trust(true, "signed");

  public static Trust not(String reason) {
    return new Trust(false, reason);
  }

  public static Trust legacy(String why) {
    return new Trust(true, why);
  }
}
