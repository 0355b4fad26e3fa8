package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * UpdateNodegroupConfig's clientRequestToken, derived from the transition (group, direction, sizes,
 * when the period began), so a retried or repeated request for the same transition is idempotent.
 */
final class RequestToken {
  private RequestToken() {}

  static String of(String arn, String transition, Sizes sizes, Instant periodStart) {
    String key = String.join("|", arn, transition, sizes.encode(), periodStart.toString());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return transition + "-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
