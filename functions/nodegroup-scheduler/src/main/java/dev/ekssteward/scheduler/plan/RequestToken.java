package dev.ekssteward.scheduler.plan;

import dev.ekssteward.scheduler.eks.Sizes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * UpdateNodegroupConfig's clientRequestToken, derived from the transition: group, direction, sizes,
 * when the schedule period began and when the record was written. A retry of the same transition
 * sends the same token (idempotent); a later transition of the same night (after a wake) has a new
 * record time and so a new token, which EKS would otherwise answer as a replay. For the same reason
 * a later run that finishes a scale-down (its record already written) derives its token from the
 * run's time, not the record's.
 */
final class RequestToken {
  private RequestToken() {}

  static String of(
      String arn, String direction, Sizes sizes, Instant periodStart, Instant recordedAt) {
    String key =
        String.join(
            "|", arn, direction, sizes.encode(), periodStart.toString(), recordedAt.toString());
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return direction + "-" + HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
