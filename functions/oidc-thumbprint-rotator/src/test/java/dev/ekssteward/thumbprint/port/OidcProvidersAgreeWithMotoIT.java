package dev.ekssteward.thumbprint.port;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.thumbprint.aws.IamOidcProviders;
import dev.ekssteward.thumbprint.model.OidcProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * The same IAM scenario through the SDK adapter on moto (with local/moto's IAM patches) and through
 * the in-memory fake: both must answer alike, and as IAM does. Refusals compare by error code
 * (moto's messages are close to IAM's, not the same).
 */
class OidcProvidersAgreeWithMotoIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Target ACCOUNT = new Target(LocalAws.ACCOUNT, LocalAws.REGION, null);
  static final String URL = "https://token.actions.githubusercontent.com";
  static final String ARN =
      "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com";
  static final String MISSING =
      "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/GONE";
  static final String A = "a".repeat(40);
  static final String B = "B".repeat(40);
  static final List<String> STS = List.of("sts.amazonaws.com");
  static final Map<String, String> MANAGED = Map.of(Contract.MANAGED_TAG, "true");

  /** Runs the scenario; each step's answer as comparable text. */
  static List<String> scenario(OidcProviders iam) {
    List<String> out = new ArrayList<>();
    out.add("create: " + text(iam.create(ACCOUNT, URL, STS, List.of(A), MANAGED)));
    out.add("create again: " + text(iam.create(ACCOUNT, URL, STS, List.of(B), Map.of())));
    out.add("list: " + iam.arns(ACCOUNT));
    out.add("get: " + text(iam.get(ACCOUNT, ARN)));
    out.add("update: " + text(iam.updateThumbprints(ACCOUNT, ARN, List.of(B, A))));
    out.add("after update: " + text(iam.get(ACCOUNT, ARN)));
    out.add("update missing: " + text(iam.updateThumbprints(ACCOUNT, MISSING, List.of(A))));
    out.add("get missing: " + text(iam.get(ACCOUNT, MISSING)));
    out.add(
        "update missing, bad list: " + text(iam.updateThumbprints(ACCOUNT, MISSING, List.of())));
    out.add("update six: " + text(iam.updateThumbprints(ACCOUNT, ARN, six())));
    out.add("update none: " + text(iam.updateThumbprints(ACCOUNT, ARN, List.of())));
    out.add("update 39: " + text(iam.updateThumbprints(ACCOUNT, ARN, List.of("a".repeat(39)))));
    out.add("update not hex: " + text(iam.updateThumbprints(ACCOUNT, ARN, List.of(notHex()))));
    out.add("after refusals: " + text(iam.get(ACCOUNT, ARN)));
    String other = "https://oidc.example.com/tenant";
    out.add("create six: " + text(iam.create(ACCOUNT, other, STS, six(), Map.of())));
    out.add("create 41: " + text(iam.create(ACCOUNT, other, STS, List.of(A + "a"), Map.of())));
    out.add(
        "create not hex: " + text(iam.create(ACCOUNT, other, STS, List.of(notHex()), Map.of())));
    out.add("list after refusals: " + iam.arns(ACCOUNT));
    out.add("create none: " + text(iam.create(ACCOUNT, other, STS, List.of(), Map.of())));
    out.add("created without: " + text(iam.get(ACCOUNT, other.replace("https://", arnPrefix()))));
    return out;
  }

  static final List<String> EXPECTED =
      List.of(
          "create: Done " + ARN,
          "create again: Unchanged a provider for this issuer was created meanwhile",
          "list: [" + ARN + "]",
          "get: token.actions.githubusercontent.com [" + A + "] [sts.amazonaws.com]",
          "update: Done null",
          "after update: token.actions.githubusercontent.com ["
              + B
              + ", "
              + A
              + "] [sts.amazonaws.com]",
          "update missing: NotFound",
          "get missing: none",
          "update missing, bad list: NotFound",
          "update six: Refused InvalidInput",
          "update none: Refused InvalidInput",
          "update 39: Refused ValidationError",
          "update not hex: Refused InvalidInput",
          "after refusals: token.actions.githubusercontent.com ["
              + B
              + ", "
              + A
              + "] [sts.amazonaws.com]",
          "create six: Refused InvalidInput",
          "create 41: Refused ValidationError",
          "create not hex: Refused InvalidInput",
          "list after refusals: [" + ARN + "]",
          "create none: Done arn:aws:iam::123456789012:oidc-provider/oidc.example.com/tenant",
          "created without: oidc.example.com/tenant [] [sts.amazonaws.com]");

  @Test
  void theFakeAndMotoAnswerAlikeAndAsIamDoes() {
    IamOidcProviders sdk =
        new IamOidcProviders(
            new AwsClients(
                aws.settings(false), "oidc-thumbprint-rotator", List.of(), Waits.none().backoff()));
    FakeOidcProviders fake = new FakeOidcProviders(LocalAws.ACCOUNT);

    List<String> moto = scenario(sdk);
    List<String> inMemory = scenario(fake);

    assertThat(moto).containsExactlyElementsOf(EXPECTED);
    assertThat(inMemory).containsExactlyElementsOf(moto);
  }

  @Test
  void bothKeepTheTagsOfACreate() {
    new IamOidcProviders(
            new AwsClients(
                aws.settings(false), "oidc-thumbprint-rotator", List.of(), Waits.none().backoff()))
        .create(ACCOUNT, URL, STS, List.of(A), MANAGED);
    FakeOidcProviders fake = new FakeOidcProviders(LocalAws.ACCOUNT);
    fake.create(ACCOUNT, URL, STS, List.of(A), MANAGED);

    IamClient iam = aws.client(IamClient.builder().httpClient(UrlConnectionHttpClient.create()));
    Map<String, String> motoTags = new TreeMap<>();
    for (Tag t : iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(ARN)).tags()) {
      motoTags.put(t.key(), t.value());
    }
    assertThat(motoTags).isEqualTo(MANAGED);
    assertThat(fake.stored(ARN).tags()).isEqualTo(motoTags);
  }

  private static String arnPrefix() {
    return "arn:aws:iam::" + LocalAws.ACCOUNT + ":oidc-provider/";
  }

  private static List<String> six() {
    return List.of("1", "2", "3", "4", "5", "6").stream().map(d -> d.repeat(40)).toList();
  }

  private static String notHex() {
    return "g".repeat(40);
  }

  private static String text(Result r) {
    if (r instanceof Result.Done d) {
      return "Done " + d.value();
    }
    if (r instanceof Result.Unchanged u) {
      return "Unchanged " + u.why();
    }
    if (r instanceof Result.Refused f) {
      return "Refused " + f.message().substring(0, f.message().indexOf(':'));
    }
    return r.getClass().getSimpleName();
  }

  private static String text(OidcProvider p) {
    return p == null ? "none" : p.url() + " " + p.thumbprints() + " " + p.clientIds();
  }
}
