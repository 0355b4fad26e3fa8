package dev.ekssteward.shared.request;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The sender's side of a request's proof (for the operator CLI, local/request and the tests): the
 * detail with a {@code requestId} (a new UUID unless given) and a {@code proof}, the query of a
 * {@code GetCallerIdentity} request presigned with the sender's credentials, which signs the
 * request's binding ({@link RequestBinding}) as the header {@link RequestProof#HEADER}. Nothing is
 * sent to AWS here; put the event on the stack's requests bus within 15 minutes.
 */
public final class ProvenRequest {
  private ProvenRequest() {}

  /**
   * @param region the steward's region (its STS checks the proof)
   * @param endpoint the local AWS endpoint, or null for the region's STS
   */
  public static Map<String, Object> prove(
      String detailType,
      Map<String, Object> detail,
      AwsCredentialsIdentity credentials,
      String region,
      URI endpoint,
      Clock clock) {
    Map<String, Object> out = new LinkedHashMap<>(detail);
    out.remove(RequestProof.FIELD);
    out.putIfAbsent(RequestProof.ID_FIELD, UUID.randomUUID().toString());
    String binding = binding(detailType, out);
    out.put(RequestProof.FIELD, presign(binding, credentials, region, endpoint, clock));
    return out;
  }

  /** The binding of a detail, read as the steward reads it. */
  public static String binding(String detailType, Map<String, Object> detail) {
    Object nodegroups = detail.get("nodegroups");
    return RequestBinding.of(
        detailType,
        (String) detail.get(RequestProof.ID_FIELD),
        (String) detail.get("cluster"),
        nodegroups instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(),
        whole(detail.get("minutes")),
        (String) detail.get("until"),
        whole(detail.get("hours")));
  }

  /** The presigned query (without '?'): valid 15 minutes from the clock's now. */
  public static String presign(
      String binding,
      AwsCredentialsIdentity credentials,
      String region,
      URI endpoint,
      Clock clock) {
    URI base = endpoint != null ? endpoint : StsCallerCheck.regional(region);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(
                URI.create(
                    base.toString().replaceAll("/+$", "")
                        + "/?Action=GetCallerIdentity&Version=2011-06-15"))
            .putHeader(RequestProof.HEADER, binding)
            .build();
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.identity(credentials)
                        .request(request)
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                            AwsV4HttpSigner.AUTH_LOCATION,
                            AwsV4HttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(
                            AwsV4HttpSigner.EXPIRATION_DURATION,
                            Duration.ofMinutes(RequestProof.MAX_AGE_MINUTES))
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    return signed.request().getUri().getRawQuery();
  }

  private static Long whole(Object v) {
    return v instanceof Number n ? n.longValue() : null;
  }
}
