package dev.ekssteward.shared.request;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a proof is bound to: the SHA-256 of the request's kind, id and every field that decides what
 * it does, one per line. The sender signs it as the header {@link RequestProof#HEADER} of its
 * presigned {@code GetCallerIdentity}; the steward recomputes it from the request it got and sends
 * it with the proof, so STS refuses the signature of a proof moved to another request or a request
 * changed after signing. Node group names are sorted (their order means nothing).
 */
public final class RequestBinding {
  private RequestBinding() {}

  public static String of(
      String detailType,
      String requestId,
      String cluster,
      List<String> nodegroups,
      Long minutes,
      String until,
      Long hours) {
    String text =
        String.join(
            "\n",
            "eks-steward-request-v1",
            detailType,
            text(requestId),
            "cluster=" + text(cluster),
            "nodegroups=" + String.join(",", nodegroups == null ? List.of() : sorted(nodegroups)),
            "minutes=" + text(minutes),
            "until=" + text(until),
            "hours=" + text(hours));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  private static List<String> sorted(List<String> names) {
    return names.stream().sorted().toList();
  }

  private static String text(Object v) {
    return v == null ? "" : v.toString();
  }
}
