package dev.ekssteward.shared.request;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks a proof must pass before it goes to STS, all local (the pattern of Vault's AWS auth
 * and aws-iam-authenticator): only {@code GetCallerIdentity}, only SigV4 in the query, the binding
 * header among the signed headers, signed for this region's STS, dated within the last {@link
 * RequestProof#MAX_AGE_MINUTES} minutes, and no parameter beyond those. The query is sent as it
 * came, to the endpoint the steward builds itself, never to one named by the event.
 */
public final class ProofQuery {
  /** A session token makes a proof ~1-2 KB; far more is no proof. */
  static final int MAX_LENGTH = 8192;

  private static final Pattern SAFE = Pattern.compile("^[A-Za-z0-9%._~=&+-]+$");
  private static final Pattern SIGNATURE = Pattern.compile("^[0-9a-f]{64}$");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** In the order a presigned request lists them, so a message names the first one missing. */
  private static final List<String> REQUIRED =
      List.of(
          "Action",
          "Version",
          "X-Amz-Algorithm",
          "X-Amz-Credential",
          "X-Amz-Date",
          "X-Amz-SignedHeaders",
          "X-Amz-Signature");

  private static final Set<String> OPTIONAL = Set.of("X-Amz-Expires", "X-Amz-Security-Token");

  private ProofQuery() {}

  /** Null when the query may go to STS; otherwise why not, naming the field. */
  public static String problem(String query, String region, Instant now) {
    if (query.length() > MAX_LENGTH) {
      return "detail.proof: longer than " + MAX_LENGTH + " characters";
    }
    if (!SAFE.matcher(query).matches()) {
      return "detail.proof: must be the query string of a presigned STS GetCallerIdentity request"
          + " (URL-encoded, without '?')";
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : decode(pair.substring(0, eq));
      if (!REQUIRED.contains(name) && !OPTIONAL.contains(name)) {
        return "detail.proof: parameter '" + clip(name) + "' is not allowed";
      }
      if (params.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1))) != null) {
        return "detail.proof: parameter '" + name + "' is given twice";
      }
    }
    for (String name : REQUIRED) {
      if (params.get(name) == null || params.get(name).isEmpty()) {
        return "detail.proof: " + name + " is required";
      }
    }
    if (!params.get("Action").equals("GetCallerIdentity")
        || !params.get("Version").equals("2011-06-15")) {
      return "detail.proof: only Action=GetCallerIdentity&Version=2011-06-15 is accepted";
    }
    if (!params.get("X-Amz-Algorithm").equals("AWS4-HMAC-SHA256")
        || !SIGNATURE.matcher(params.get("X-Amz-Signature")).matches()) {
      return "detail.proof: must be signed with AWS4-HMAC-SHA256";
    }
    List<String> signed = Arrays.asList(params.get("X-Amz-SignedHeaders").split(";"));
    if (!signed.contains("host") || !signed.contains(RequestProof.HEADER)) {
      return "detail.proof: X-Amz-SignedHeaders must include host and "
          + RequestProof.HEADER
          + " (the request's binding), was '"
          + clip(params.get("X-Amz-SignedHeaders"))
          + "'";
    }
    String[] scope = params.get("X-Amz-Credential").split("/", -1);
    if (scope.length != 5 || !scope[3].equals("sts") || !scope[4].equals("aws4_request")) {
      return "detail.proof: X-Amz-Credential must be <key>/<date>/<region>/sts/aws4_request";
    }
    if (!scope[2].equals(region)) {
      return "detail.proof: signed for STS in "
          + clip(scope[2])
          + "; this steward asks STS in "
          + region;
    }
    return age(params.get("X-Amz-Date"), now);
  }

  private static String age(String date, Instant now) {
    Instant signed;
    try {
      signed = Instant.from(AMZ_DATE.parse(date));
    } catch (DateTimeParseException e) {
      return "detail.proof: X-Amz-Date must be yyyyMMdd'T'HHmmss'Z'";
    }
    if (signed.isBefore(now.minusSeconds(RequestProof.MAX_AGE_MINUTES * 60L))) {
      return "detail.proof: expired: signed at "
          + signed
          + ", more than "
          + RequestProof.MAX_AGE_MINUTES
          + " minutes before "
          + now;
    }
    // STS allows 5 minutes of clock skew; a proof from further ahead is not from now.
    if (signed.isAfter(now.plusSeconds(300))) {
      return "detail.proof: X-Amz-Date " + signed + " is in the future (now " + now + ")";
    }
    return null;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return "\u0000";
    }
  }

  private static String clip(String s) {
    String printable = s.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 60 ? printable : printable.substring(0, 60) + "…";
  }
}
