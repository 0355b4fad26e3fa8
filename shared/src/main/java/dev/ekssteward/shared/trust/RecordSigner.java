package dev.ekssteward.shared.trust;

/**
 * The MAC of the stack's record key: {@link KmsRecordSigner} in AWS, an in-memory HMAC in tests.
 * The key lives in the stack's own account and is used with the function's own role, never with a
 * member account's, so whoever may only tag a member account's resources cannot reach it.
 */
public interface RecordSigner {
  /**
   * The HMAC-SHA-256 of {@code message} (32 bytes).
   *
   * @throws RecordKeyException when the key cannot sign (not configured, disabled, denied)
   */
  byte[] mac(byte[] message);

  /**
   * Whether {@code mac} is the MAC of {@code message}.
   *
   * @throws RecordKeyException when the key cannot verify (not configured, disabled, denied)
   */
  boolean verify(byte[] message, byte[] mac);
}
