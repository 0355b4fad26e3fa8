package dev.ekssteward.shared.request;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * Sends a request's proof to STS and reads back who signed it: the presigned {@code
 * GetCallerIdentity} of Vault's AWS auth and aws-iam-authenticator. STS checks the signature, so
 * only the holder of the caller's credentials can have made the proof, and only for the binding the
 * steward sends with it (computed from the request it got). The endpoint is this function's
 * region's STS (or the local endpoint in tests); no URL from the event is ever called. Needs no IAM
 * right: the caller's credentials signed the call.
 */
public final class StsCallerCheck implements CallerCheck {
  private static final Pattern ARN = Pattern.compile("<Arn>([^<]{1,2048})</Arn>");
  private static final Pattern ACCOUNT = Pattern.compile("<Account>([0-9]{12})</Account>");
  private static final Pattern CODE = Pattern.compile("<Code>([^<]{1,128})</Code>");
  private static final int MAX_ANSWER = 64 * 1024;

  private final URI endpoint;
  private final String region;
  private final Clock clock;
  private final Supplier<SdkHttpClient> http;

  /**
   * @param endpoint the local AWS endpoint, or null for the region's STS
   */
  public StsCallerCheck(URI endpoint, String region, Clock clock) {
    this(endpoint, region, clock, Lazy.HTTP);
  }

  StsCallerCheck(URI endpoint, String region, Clock clock, Supplier<SdkHttpClient> http) {
    this.endpoint = endpoint != null ? endpoint : regional(region);
    this.region = region;
    this.clock = clock;
    this.http = http;
  }

  /** The region's STS endpoint (the global one would sign for us-east-1 only). */
  static URI regional(String region) {
    String domain = region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    return URI.create("https://sts." + region + "." + domain);
  }

  @Override
  public Verdict check(RequestProof proof) {
    if (proof.query() == null) {
      return new Refused(
          "detail.proof: is required: the query string of a presigned STS GetCallerIdentity"
              + " request that signs the header "
              + RequestProof.HEADER
              + " (see docs/nodegroup-scheduler.md#requests)",
          false);
    }
    String problem = ProofQuery.problem(proof.query(), region, clock.instant());
    if (problem != null) {
      return new Refused(problem, false);
    }
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .method(SdkHttpMethod.GET)
            .uri(URI.create(endpoint.toString().replaceAll("/+$", "") + "/?" + proof.query()))
            .putHeader(RequestProof.HEADER, proof.binding())
            .build();
    try {
      HttpExecuteResponse response =
          http.get().prepareRequest(HttpExecuteRequest.builder().request(request).build()).call();
      String body = read(response.responseBody().orElse(null));
      int status = response.httpResponse().statusCode();
      if (status == 200) {
        return proven(body, proof.requestId());
      }
      String code = first(CODE, body);
      boolean retryable = status >= 500 || status == 429 || "Throttling".equals(code);
      return new Refused(
          "detail.proof: STS refused it ("
              + (code == null ? "HTTP " + status : code)
              + "): not signed by the caller's credentials for this request, or expired",
          retryable);
    } catch (IOException | RuntimeException e) {
      return new Refused(
          "detail.proof: STS could not be asked (" + e.getClass().getSimpleName() + ")", true);
    }
  }

  private static Verdict proven(String body, String requestId) {
    String arn = first(ARN, body);
    String account = first(ACCOUNT, body);
    if (arn == null || account == null) {
      return new Refused("detail.proof: STS's answer named no caller", true);
    }
    return new Proven(new Caller(arn, account, requestId));
  }

  private static String first(Pattern p, String text) {
    Matcher m = p.matcher(text);
    return m.find() ? m.group(1) : null;
  }

  private static String read(AbortableInputStream in) throws IOException {
    if (in == null) {
      return "";
    }
    try (InputStream body = in) {
      return new String(body.readNBytes(MAX_ANSWER), StandardCharsets.UTF_8);
    }
  }

  /** One HTTP client for the function's life, built on the first request. */
  private static final class Lazy {
    static final Supplier<SdkHttpClient> HTTP =
        new Supplier<>() {
          private volatile SdkHttpClient client;

          @Override
          public SdkHttpClient get() {
            if (client == null) {
              synchronized (this) {
                if (client == null) {
                  client =
                      UrlConnectionHttpClient.builder()
                          .connectionTimeout(Duration.ofSeconds(3))
                          .socketTimeout(Duration.ofSeconds(5))
                          .build();
                }
              }
            }
            return client;
          }
        };
  }
}
