package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.trust.RecordKeyException;
import dev.ekssteward.shared.trust.RecordSigner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The record key in memory: HMAC-SHA-256 under a fixed test key, as KMS computes it. {@link
 * #unusable} stands for a key that is missing, disabled or denied.
 */
public final class LocalRecordSigner implements RecordSigner {
  public static final LocalRecordSigner KEY = new LocalRecordSigner("test-record-key", null);

  private final byte[] key;
  private final String unusable;

  private LocalRecordSigner(String key, String unusable) {
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.unusable = unusable;
  }

  /** Another key: what it signs, {@link #KEY} does not verify. */
  public static LocalRecordSigner other(String key) {
    return new LocalRecordSigner(key, null);
  }

  public static LocalRecordSigner unusable(String why) {
    return new LocalRecordSigner("unused", why);
  }

  @Override
  public byte[] mac(byte[] message) {
    if (unusable != null) {
      throw new RecordKeyException(unusable);
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public boolean verify(byte[] message, byte[] mac) {
    return MessageDigest.isEqual(mac(message), mac);
  }
}
