package dev.ekssteward.shared.trust;

import java.util.Base64;

/** Signs and verifies {@link Sealed} tag values with the record key. */
public final class Seals {
  private static final int MAC_BYTES = 32;

  private Seals() {}

  /**
   * The tag value of {@code body} on {@code arn}, sealed.
   *
   * @throws RecordKeyException when the key cannot sign
   */
  public static String seal(RecordSigner signer, String tagKey, String arn, String body) {
    byte[] mac = signer.mac(Sealed.message(tagKey, arn, body));
    return Sealed.value(body, Base64.getUrlEncoder().withoutPadding().encodeToString(mac));
  }

  /**
   * Whether {@code sealed}, read from {@code tagKey} on {@code arn}, carries this stack's MAC. A
   * value that cannot be a MAC is refused without asking KMS; only a key that cannot be used makes
   * it "cannot verify" (a transient failure is thrown, and the run retried).
   */
  public static Trust verify(RecordSigner signer, String tagKey, String arn, Sealed sealed) {
    if (!sealed.signed()) {
      return Trust.not("unsigned");
    }
    if (!Sealed.VERSION.equals(sealed.version())) {
      return Trust.not("bad signature: unknown scheme '" + sealed.version() + "'");
    }
    byte[] mac;
    try {
      mac = Base64.getUrlDecoder().decode(sealed.mac());
    } catch (IllegalArgumentException e) {
      return Trust.not("bad signature: not base64url");
    }
    if (mac.length != MAC_BYTES) {
      return Trust.not("bad signature: not " + MAC_BYTES + " bytes");
    }
    try {
      return signer.verify(Sealed.message(tagKey, arn, sealed.body()), mac)
          ? Trust.SIGNED
          : Trust.not("bad signature");
    } catch (RecordKeyException e) {
      return Trust.not("cannot verify: " + e.getMessage());
    }
  }
}
