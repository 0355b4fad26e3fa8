package dev.ekssteward.shared.testing;

import dev.ekssteward.shared.request.ProvenRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * Requests with a proof of their caller, as an operator would send them (ProvenRequest): signed
 * with the credentials of a role session moto issued, so moto's GetCallerIdentity names that
 * session. moto does not verify signatures (local/moto/README.md).
 */
public final class Proofs {
  /** The role and session the tests' operator works in. */
  public static final String ROLE = "operator";

  public static final String SESSION = "jane.doe";

  /** The caller STS names for {@link #operator}. */
  public static final String OPERATOR_ARN =
      "arn:aws:sts::" + LocalAws.ACCOUNT + ":assumed-role/" + ROLE + "/" + SESSION;

  private Proofs() {}

  /** A session of the role {@code role} in moto's default account. */
  public static AwsCredentialsIdentity session(LocalAws aws, String role, String session) {
    StsClient sts = aws.client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    Credentials c =
        sts.assumeRole(
                r ->
                    r.roleArn("arn:aws:iam::" + LocalAws.ACCOUNT + ":role/" + role)
                        .roleSessionName(session))
            .credentials();
    return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
  }

  public static AwsCredentialsIdentity operator(LocalAws aws) {
    return session(aws, ROLE, SESSION);
  }

  /** The EventBridge event with its detail proven by {@code who}, signed at {@code now}. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> proven(
      LocalAws aws, Map<String, Object> event, Instant now, AwsCredentialsIdentity who) {
    Map<String, Object> out = new LinkedHashMap<>(event);
    out.put(
        "detail",
        ProvenRequest.prove(
            (String) event.get("detail-type"),
            (Map<String, Object>) event.get("detail"),
            who,
            LocalAws.REGION,
            aws.endpoint(),
            Clock.fixed(now, ZoneOffset.UTC)));
    return out;
  }
}
