package dev.ekssteward.thumbprint.plan;

import static dev.ekssteward.thumbprint.plan.ThumbprintsTest.t;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Reach;
import dev.ekssteward.thumbprint.model.AccountView;
import dev.ekssteward.thumbprint.model.ChainEnd;
import dev.ekssteward.thumbprint.model.ClusterIssuer;
import dev.ekssteward.thumbprint.model.IssuerCheck;
import dev.ekssteward.thumbprint.model.IssuerUrl;
import dev.ekssteward.thumbprint.model.OidcProvider;
import dev.ekssteward.thumbprint.model.Probe;
import dev.ekssteward.thumbprint.model.ThumbprintUse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RotationPlannerTest {
  static final Instant NOW = Instant.parse("2026-11-25T18:00:00Z");
  static final String ISSUER = "https://oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  static final String ARN =
      "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC";
  static final ClusterIssuer CLUSTER =
      new ClusterIssuer(
          "eu-west-1",
          "dev-1",
          "arn:aws:eks:eu-west-1:123456789012:cluster/dev-1",
          "ACTIVE",
          ISSUER,
          NOW,
          false);

  static Probe.Verified verified(String... thumbprints) {
    return verified(ThumbprintUse.LOAD_BEARING, thumbprints);
  }

  static Probe.Verified verified(ThumbprintUse use, String... thumbprints) {
    return new Probe.Verified(
        List.of(thumbprints).stream().map(tp -> new ChainEnd("h", 443, tp, "CN=ca")).toList(), use);
  }

  static Plan plan(OidcProvider provider, Probe probe, boolean createMissing) {
    IssuerCheck check = new IssuerCheck(IssuerUrl.parse(ISSUER), CLUSTER, provider, probe);
    return RotationPlanner.plan(
        new AccountView(List.of(check), List.of(), List.of()), createMissing);
  }

  static OidcProvider provider(String... thumbprints) {
    return new OidcProvider(
        ARN,
        "oidc.eks.eu-west-1.amazonaws.com/id/ABC",
        List.of(thumbprints),
        List.of("sts.amazonaws.com"));
  }

  @Test
  void newThumbprintGoesFirstAndOldIsKept() {
    Plan plan = plan(provider(t('e')), verified(t('a')), false);

    assertThat(plan.actions())
        .containsExactly(
            new UpdateThumbprints(
                ARN, ISSUER, List.of(t('e')), List.of(t('a'), t('e')), verified(t('a'))));
    assertThat(plan.findings())
        .extracting(Finding::detailType)
        .containsExactly(Findings.USE_ASSESSED);
  }

  @Test
  void onlyAnUpdateThatDropsAThumbprintIsAChange() {
    Plan adds = plan(provider(t('e')), verified(t('a')), false);
    Plan drops = plan(provider(t('b'), t('c'), t('d'), t('e'), t('f')), verified(t('a')), false);

    assertThat(adds.reach()).isEqualTo(new Reach(1, 0, 0));
    // Past five, the oldest goes: a removal, which the issuer's own certificate asked for.
    assertThat(drops.reach()).isEqualTo(new Reach(1, 1, 0));
  }

  @Test
  void everyVerifiedIssuerIsAssessedWhetherOrNotAnythingChanges() {
    Plan privateCa = plan(provider(t('a')), verified(ThumbprintUse.LOAD_BEARING, t('a')), false);
    Plan publicCa = plan(provider(t('a')), verified(ThumbprintUse.NOT_CONSULTED, t('a')), false);

    assertThat(privateCa.actions()).isEmpty();
    assertThat(privateCa.findings())
        .containsExactly(
            new Finding(
                Findings.USE_ASSESSED,
                ARN,
                Map.of(
                    "issuer", ISSUER,
                    "provider", ARN,
                    "cluster", "dev-1",
                    "clusterRegion", "eu-west-1",
                    "thumbprintUse", "load-bearing",
                    "jwksEndpoint", "h:443",
                    "chainEnd", "CN=ca",
                    "judgedBy", Findings.JUDGED_BY)));
    assertThat(privateCa.metrics())
        .isEqualTo(
            Map.of(
                "IssuersVerified",
                1.0,
                "ThumbprintLoadBearing",
                1.0,
                "ThumbprintNotConsulted",
                0.0));
    assertThat(publicCa.findings().get(0).detail()).containsEntry("thumbprintUse", "not-consulted");
    assertThat(publicCa.metrics())
        .containsEntry("ThumbprintLoadBearing", 0.0)
        .containsEntry("ThumbprintNotConsulted", 1.0);
    assertThat(
            plan(provider(t('e')), verified(ThumbprintUse.NOT_CONSULTED, t('a')), false).actions())
        .singleElement()
        .satisfies(u -> assertThat(u.details()).containsEntry("thumbprintUse", "not-consulted"));
  }

  @Test
  void sameSetIgnoringCaseAndOrderChangesNothing() {
    assertThat(plan(provider(t('E'), t('A')), verified(t('a')), false).actions()).isEmpty();
  }

  @Test
  void aSixthEntryIsDroppedOldestFirst() {
    Plan plan = plan(provider(t('1'), t('2'), t('3'), t('4'), t('5')), verified(t('a')), false);

    assertThat(((UpdateThumbprints) plan.actions().get(0)).thumbprints())
        .containsExactly(t('a'), t('1'), t('2'), t('3'), t('4'));
  }

  @Test
  void twoEndpointsGiveTwoCurrentThumbprints() {
    Plan plan = plan(provider(t('e')), verified(t('b'), t('c')), false);

    assertThat(((UpdateThumbprints) plan.actions().get(0)).thumbprints())
        .containsExactly(t('b'), t('c'), t('e'));
  }

  @Test
  void aFailedCheckKeepsTheListAndIsReported() {
    Plan plan = plan(provider(t('e')), new Probe.Failed("TLS with h:443 failed: x"), false);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.findings())
        .containsExactly(
            new Finding(
                Findings.CHECK_FAILED,
                ARN,
                Map.of(
                    "issuer",
                    ISSUER,
                    "provider",
                    ARN,
                    "cluster",
                    "dev-1",
                    "clusterRegion",
                    "eu-west-1",
                    "reason",
                    "TLS with h:443 failed: x",
                    "refused",
                    false,
                    "thumbprintsKept",
                    List.of(t('e')))));
  }

  @Test
  void aForgedJwksUriIsReportedOnItsOwnAndAsAFailedCheck() {
    Plan plan =
        plan(
            provider(t('e')),
            new Probe.Refused("jwks_uri host x is not on thumbprints.allowedHosts", "https://x/k"),
            false);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.findings())
        .extracting(Finding::detailType)
        .containsExactly(Findings.DISCOVERY_REFUSED, Findings.CHECK_FAILED);
    assertThat(plan.findings().get(0).detail()).containsEntry("jwksUri", "https://x/k");
  }

  @Test
  void aMissingProviderIsReportedAndCreatedOnlyWhenAllowed() {
    Plan reported = plan(null, null, false);
    Plan created = plan(null, verified(t('a')), true);

    assertThat(reported.actions()).isEmpty();
    assertThat(reported.findings())
        .extracting(Finding::detailType)
        .containsExactly(Findings.PROVIDER_MISSING);
    assertThat(reported.findings().get(0).target()).isEqualTo(CLUSTER.arn());
    assertThat(created.actions())
        .containsExactly(new CreateProvider(ISSUER, "dev-1", List.of(t('a')), verified(t('a'))));
    CreateProvider planned = (CreateProvider) created.actions().get(0);
    assertThat(planned.clientIds()).containsExactly("sts.amazonaws.com");
    assertThat(planned.tags()).containsExactly(Map.entry("eks-steward/managed", "true"));
  }

  @Test
  void aMissingProviderWhoseIssuerCannotBeCheckedIsNotCreated() {
    Plan plan = plan(null, new Probe.Failed("down"), true);

    assertThat(plan.actions()).isEmpty();
    assertThat(plan.findings())
        .extracting(Finding::detailType)
        .containsExactly(Findings.PROVIDER_MISSING, Findings.CHECK_FAILED);
  }

  @Test
  void aNewClusterStillCreatingIsLookedAtAgainEveryFiveMinutesEightTimes() {
    for (String status : List.of("PENDING", "CREATING", "UPDATING")) {
      ClusterIssuer creating =
          new ClusterIssuer("eu-west-1", "new", "arn:new", status, null, NOW, false);

      Plan plan =
          RotationPlanner.plan(new AccountView(List.of(), List.of(creating), List.of()), false);

      assertThat(plan.recheckAfter()).isNull();
      assertThat(plan.lookAgain().after()).isEqualTo(Duration.ofMinutes(5));
      assertThat(plan.lookAgain().limit()).isEqualTo(8);
      assertThat(plan.lookAgain().giveUp())
          .isEqualTo(
              new Finding(
                  "Cluster Not Active",
                  "arn:new",
                  Map.of("cluster", "new", "clusterRegion", "eu-west-1", "status", status)));
      assertThat(plan.findings()).isEmpty();
      assertThat(plan.actions())
          .containsExactly(new Action.Skip("arn:new", "cluster is " + status + "; not ACTIVE yet"));
    }
  }

  @Test
  void aFailedClusterIsReportedAtOnceAndNotAwaited() {
    ClusterIssuer failed =
        new ClusterIssuer("eu-west-1", "bad", "arn:bad", "FAILED", null, NOW, false);
    ClusterIssuer deleting =
        new ClusterIssuer("eu-west-1", "old", "arn:old", "DELETING", null, NOW, false);

    Plan plan =
        RotationPlanner.plan(
            new AccountView(List.of(), List.of(failed, deleting), List.of()), false);

    assertThat(plan.recheckAfter()).isNull();
    assertThat(plan.lookAgain()).isNull();
    assertThat(plan.findings())
        .extracting(f -> f.detailType(), f -> f.target(), f -> f.detail().get("status"))
        .containsExactly(Tuple.tuple("Cluster Not Active", "arn:bad", "FAILED"));
    assertThat(plan.actions())
        .containsExactly(
            new Action.Skip("arn:bad", "cluster is FAILED; it will not become ACTIVE"),
            new Action.Skip("arn:old", "cluster is DELETING without an issuer"));
  }
}
