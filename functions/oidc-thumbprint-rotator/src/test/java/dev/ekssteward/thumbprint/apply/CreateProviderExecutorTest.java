package dev.ekssteward.thumbprint.apply;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.apply.Permission;
import dev.ekssteward.shared.apply.Result;
import dev.ekssteward.shared.audit.AuditEvent;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import dev.ekssteward.thumbprint.plan.CreateProvider;
import dev.ekssteward.thumbprint.port.FakeOidcProviders;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CreateProviderExecutorTest {
  static final Target ACCOUNT = new Target("123456789012", "eu-west-1", null);
  static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  static final String ARN =
      "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  static final String THUMBPRINT = "a".repeat(40);

  private final FakeOidcProviders iam = new FakeOidcProviders("123456789012");
  private final CreateProviderExecutor executor = new CreateProviderExecutor(iam);

  private static CreateProvider create(List<String> thumbprints) {
    return new CreateProvider(
        ISSUER,
        "dev-1",
        thumbprints,
        new Probe.Verified(
            List.of(new ChainEnd("h", 443, THUMBPRINT, "CN=ca")), ThumbprintUse.NOT_CONSULTED));
  }

  @Test
  void createsTheTaggedProviderAndReportsIt() {
    CreateProvider c = create(List.of(THUMBPRINT));

    Result result = executor.execute(ACCOUNT, c);

    AuditEvent created = ((Result.Done) result).events().get(0);
    assertThat(created.detailType()).isEqualTo("OIDC Provider Created");
    assertThat(created.resources()).containsExactly(ARN);
    assertThat(created.detail().keySet())
        .containsExactly(
            "provider",
            "issuer",
            "cluster",
            "clientIds",
            "thumbprints",
            "tags",
            "certificates",
            "thumbprintUse");
    assertThat(created.detail())
        .containsEntry("provider", ARN)
        .containsEntry("issuer", ISSUER)
        .containsEntry("thumbprints", List.of(THUMBPRINT))
        .containsEntry("thumbprintUse", "not-consulted");
    assertThat(iam.stored(ARN))
        .isEqualTo(
            new FakeOidcProviders.Stored(
                "oidc.eks.eu-west-1.amazonaws.com/id/ABC",
                List.of(THUMBPRINT),
                List.of("sts.amazonaws.com"),
                Map.of("eks-steward/managed", "true")));
  }

  @Test
  void aProviderCreatedMeanwhileIsLeftAsItIs() {
    iam.beforeNextWrite(f -> f.seed(ISSUER, "b".repeat(40)));

    Result result = executor.execute(ACCOUNT, create(List.of(THUMBPRINT)));

    assertThat(result)
        .isEqualTo(new Result.Unchanged("a provider for this issuer was created meanwhile"));
    assertThat(iam.stored(ARN).thumbprints()).containsExactly("b".repeat(40));
  }

  @Test
  void noValidThumbprintIsRefusedWithoutCallingIam() {
    assertThat(executor.execute(ACCOUNT, create(List.of())))
        .isEqualTo(new Result.Refused("refusing to create a provider without valid thumbprints"));
    assertThat(executor.execute(ACCOUNT, create(List.of("not-a-thumbprint"))))
        .isEqualTo(new Result.Refused("refusing to create a provider without valid thumbprints"));
    assertThat(iam.calls()).isEmpty();
  }

  /** A retried create also reads the providers back (lost answers, docs/reliability.md). */
  @Test
  void needsTheCreateAndTagGrantsOnEksProvidersAndTheReadsOfAnyProvider() {
    String eks =
        "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.${AWS::Region}.${AWS::URLSuffix}/id/*";
    assertThat(executor.permissions())
        .containsExactly(
            new Permission("iam:CreateOpenIDConnectProvider", eks),
            new Permission("iam:TagOpenIDConnectProvider", eks),
            new Permission("iam:ListOpenIDConnectProviders", "*"),
            new Permission(
                "iam:GetOpenIDConnectProvider",
                "arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/*"));
  }
}
