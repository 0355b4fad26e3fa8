package dev.ekssteward.thumbprint.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import dev.ekssteward.thumbprint.plan.UpdateThumbprints;
import dev.ekssteward.thumbprint.port.FakeOidcProviders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.iam.model.IamException;

class UpdateThumbprintsExecutorTest {
  static final Target ACCOUNT = new Target("123456789012", "eu-west-1", null);
  static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  static final String OLD = "0".repeat(40);
  static final String NEW = "a".repeat(40);
  static final String UPDATE = "iam:UpdateOpenIDConnectProviderThumbprint";

  private final FakeOidcProviders iam = new FakeOidcProviders("123456789012");
  private final UpdateThumbprintsExecutor executor = new UpdateThumbprintsExecutor(iam);
  private final String arn = iam.seed(ISSUER, OLD);

  private UpdateThumbprints update(List<String> thumbprints) {
    return new UpdateThumbprints(
        arn,
        ISSUER,
        List.of(OLD),
        thumbprints,
        new Probe.Verified(
            List.of(new ChainEnd("h", 443, NEW, "CN=ca")), ThumbprintUse.LOAD_BEARING));
  }

  @Test
  void replacesTheListAndReportsTheRotation() {
    UpdateThumbprints u = update(List.of(NEW, OLD));

    Result result = executor.execute(ACCOUNT, u);

    assertThat(result)
        .isEqualTo(
            new Result.Done(
                null,
                List.of(new AuditEvent("Thumbprint Rotated", List.of(arn), u.details())),
                null));
    assertThat(iam.stored(arn).thumbprints()).containsExactly(NEW, OLD);
    // The audit event's keys in the order users read them, the certificates last.
    assertThat(u.details().keySet())
        .containsExactly(
            "issuer",
            "previous",
            "thumbprints",
            "added",
            "removed",
            "certificates",
            "thumbprintUse");
    assertThat(u.details().get("certificates"))
        .isEqualTo(List.of(Map.of("endpoint", "h:443", "thumbprint", NEW, "subject", "CN=ca")));
  }

  @Test
  void aProviderDeletedMeanwhileIsNotFound() {
    iam.beforeNextWrite(f -> f.delete(arn));

    Result result = executor.execute(ACCOUNT, update(List.of(NEW, OLD)));

    assertThat(result)
        .isEqualTo(new Result.NotFound("OpenIDConnect Provider not found for arn " + arn));
  }

  @Test
  void anInvalidListIsRefusedWithoutCallingIam() {
    for (List<String> invalid :
        List.of(
            List.<String>of(),
            List.of("x"),
            List.of(
                NEW,
                "1".repeat(40),
                "2".repeat(40),
                "3".repeat(40),
                "4".repeat(40),
                "5".repeat(40)))) {
      assertThat(executor.execute(ACCOUNT, update(invalid)))
          .isEqualTo(new Result.Refused("refusing to write an invalid thumbprint list"));
    }
    assertThat(iam.calls()).doesNotContain(UPDATE);
    assertThat(iam.stored(arn).thumbprints()).containsExactly(OLD);
  }

  @Test
  void aFailureWorthRetryingIsThrown() {
    IamException throttled =
        (IamException)
            IamException.builder()
                .statusCode(400)
                .awsErrorDetails(
                    AwsErrorDetails.builder().errorCode("Throttling").errorMessage("slow").build())
                .build();
    iam.failNext(UPDATE, throttled);

    assertThatThrownBy(() -> executor.execute(ACCOUNT, update(List.of(NEW, OLD))))
        .isSameAs(throttled);
    assertThat(iam.stored(arn).thumbprints()).containsExactly(OLD);
  }

  @Test
  void needsTheUpdateGrantOnEksProviders() {
    assertThat(executor.permissions())
        .containsExactly(
            new Permission(
                "iam:UpdateOpenIDConnectProviderThumbprint",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.${AWS::Region}.${AWS::URLSuffix}/id/*"));
  }
}
