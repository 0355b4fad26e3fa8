package dev.ekssteward.shared.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.request.CallerCheck.Proven;
import dev.ekssteward.shared.request.CallerCheck.Refused;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * What the steward sends STS and how it reads the answer: only to the endpoint it builds, with the
 * binding it computes from the request it got (never one the event names), and STS's refusals.
 */
class StsCallerCheckTest {
  static final Instant NOW = Instant.parse("2026-12-07T22:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final String OK =
      "<GetCallerIdentityResponse><GetCallerIdentityResult><UserId>AROA:jane</UserId>"
          + "<Account>111122223333</Account>"
          + "<Arn>arn:aws:sts::111122223333:assumed-role/operator/jane</Arn>"
          + "</GetCallerIdentityResult></GetCallerIdentityResponse>";

  final List<SdkHttpRequest> sent = new ArrayList<>();

  SdkHttpClient answering(int status, String body) {
    return new SdkHttpClient() {
      @Override
      public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        sent.add(request.httpRequest());
        return new ExecutableHttpRequest() {
          @Override
          public HttpExecuteResponse call() {
            return HttpExecuteResponse.builder()
                .response(SdkHttpResponse.builder().statusCode(status).build())
                .responseBody(
                    AbortableInputStream.create(
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
          }

          @Override
          public void abort() {}
        };
      }

      @Override
      public void close() {}
    };
  }

  static final Map<String, Object> DETAIL =
      Map.of("cluster", "dev-1", "nodegroups", List.of("web"), "minutes", 60, "requestId", "r-1");

  /** A proof as ProvenRequest makes it, for the binding of {@code detail}. */
  static String proof(Map<String, Object> detail) {
    return ProvenRequest.presign(
        ProvenRequest.binding("Wake Request", detail),
        AwsBasicCredentials.create("AKIDEXAMPLE", "secret"),
        "eu-west-1",
        null,
        CLOCK);
  }

  @Test
  void theProofGoesToTheRegionsStsWithTheBindingOfTheRequestReceived() {
    StsCallerCheck check = new StsCallerCheck(null, "eu-west-1", CLOCK, () -> answering(200, OK));
    // The request received names another group than the one the proof was made for.
    String received =
        ProvenRequest.binding(
            "Wake Request",
            Map.of(
                "cluster",
                "dev-1",
                "nodegroups",
                List.of("batch"),
                "minutes",
                60,
                "requestId",
                "r-1"));

    CallerCheck.Verdict verdict = check.check(new RequestProof(proof(DETAIL), received, "r-1"));

    assertThat(verdict)
        .isEqualTo(
            new Proven(
                new Caller(
                    "arn:aws:sts::111122223333:assumed-role/operator/jane",
                    "111122223333",
                    "r-1")));
    SdkHttpRequest request = sent.get(0);
    assertThat(request.getUri().getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
    assertThat(request.getUri().getScheme()).isEqualTo("https");
    assertThat(request.getUri().getPath()).isEqualTo("/");
    // The same parameters (SigV4 signs them sorted, so their order does not matter).
    assertThat(request.getUri().getRawQuery().split("&"))
        .containsExactlyInAnyOrder(proof(DETAIL).split("&"));
    // STS would now refuse: the signature covers the binding of {web}, the steward sends {batch}'s.
    assertThat(request.firstMatchingHeader(RequestProof.HEADER)).contains(received);
    assertThat(received).isNotEqualTo(ProvenRequest.binding("Wake Request", DETAIL));
  }

  @Test
  void stsRefusingTheSignatureRefusesTheRequestForGood() {
    StsCallerCheck check =
        new StsCallerCheck(
            null,
            "eu-west-1",
            CLOCK,
            () ->
                answering(
                    403,
                    "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code></Error></ErrorResponse>"));
    String binding = ProvenRequest.binding("Wake Request", DETAIL);

    assertThat(check.check(new RequestProof(proof(DETAIL), binding, "r-1")))
        .isEqualTo(
            new Refused(
                "detail.proof: STS refused it (SignatureDoesNotMatch): not signed by the caller's"
                    + " credentials for this request, or expired",
                false));
  }

  @Test
  void stsUnavailableIsWorthARetry() {
    StsCallerCheck check =
        new StsCallerCheck(null, "eu-west-1", CLOCK, () -> answering(503, "unavailable"));
    String binding = ProvenRequest.binding("Wake Request", DETAIL);

    assertThat(check.check(new RequestProof(proof(DETAIL), binding, "r-1")))
        .isInstanceOfSatisfying(Refused.class, r -> assertThat(r.retryable()).isTrue());
  }

  @Test
  void aLocalEndpointIsUsedAsGivenAndChinaRegionsHaveTheirDomain() {
    assertThat(StsCallerCheck.regional("cn-north-1"))
        .isEqualTo(URI.create("https://sts.cn-north-1.amazonaws.com.cn"));
    StsCallerCheck check =
        new StsCallerCheck(
            URI.create("http://127.0.0.1:5000"), "eu-west-1", CLOCK, () -> answering(200, OK));
    check.check(
        new RequestProof(proof(DETAIL), ProvenRequest.binding("Wake Request", DETAIL), "r-1"));
    assertThat(sent.get(0).getUri().getAuthority()).isEqualTo("127.0.0.1:5000");
  }

  @Test
  void nothingIsSentForAProofThatFailsTheLocalChecks() {
    StsCallerCheck check = new StsCallerCheck(null, "eu-west-1", CLOCK, () -> answering(200, OK));

    assertThat(check.check(new RequestProof(null, "b", null)))
        .isInstanceOfSatisfying(
            Refused.class, r -> assertThat(r.reason()).startsWith("detail.proof: is required"));
    assertThat(check.check(new RequestProof("Action=GetCallerIdentity", "b", null)))
        .isEqualTo(new Refused("detail.proof: Version is required", false));
    assertThat(sent).isEmpty();
  }
}
