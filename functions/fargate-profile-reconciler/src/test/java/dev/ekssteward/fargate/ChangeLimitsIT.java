package dev.ekssteward.fargate;

import static dev.ekssteward.shared.testing.seed.FleetSeed.fleet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.AuditTap;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.ProfileSeed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The default change limits against the reconciler's worst mistake, {@code
 * {"prune":true,"profiles":[]}}: whether one cluster's parameter changes or a sweep finds the
 * document on every cluster, no profile is deleted, and the run says why.
 */
@SuppressWarnings("unchecked")
class ChangeLimitsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final String EMPTY_PRUNE = "{\"prune\":true,\"profiles\":[]}";
  private static final List<String> CLUSTERS = List.of("dev-1", "dev-2");
  private static final List<String> PROFILES = List.of("team-a", "team-b", "handmade");

  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);
  final AuditTap audits = new AuditTap();

  /** Each cluster: team-a and team-b managed, handmade not; the empty prune as its document. */
  @BeforeEach
  void seed() {
    FleetSeed seed = fleet().auditBus(AuditTrail.BUS);
    for (String c : CLUSTERS) {
      seed =
          seed.cluster(
                  ClusterSeed.cluster(c)
                      .fargateProfile(managed("team-a"))
                      .fargateProfile(managed("team-b"))
                      .fargateProfile(
                          ProfileSeed.profile("handmade").selector("handmade").subnets(List.of())))
              .desiredFargate(c, EMPTY_PRUNE);
    }
    aws.seeder().seed(seed);
    // As the steward left them: the managed marks signed by the stack's key (an unsigned mark is
    // never pruned, so it would not test the limits).
    for (String c : CLUSTERS) {
      for (String name : List.of("team-a", "team-b")) {
        String arn =
            aws.eks()
                .describeFargateProfile(r -> r.clusterName(c).fargateProfileName(name))
                .fargateProfile()
                .fargateProfileArn();
        String mark = RecordKeys.seal(aws, Contract.MANAGED_TAG, arn, "true");
        aws.eks().tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.MANAGED_TAG, mark)));
      }
    }
  }

  private static ProfileSeed managed(String name) {
    return ProfileSeed.profile(name)
        .selector(name)
        .subnets(List.of())
        .tags(Map.of(Contract.MANAGED_TAG, "true"));
  }

  private Map<String, Object> run(Map<String, Object> event) {
    return FargateFixture.handler(aws, false, Clock.systemUTC(), List.of(recorder, audits))
        .handle(event, new TestContext("fn"));
  }

  private void assertNothingDeleted() {
    assertThat(recorder.mutations()).isEmpty();
    for (String c : CLUSTERS) {
      assertThat(aws.eks().listFargateProfiles(r -> r.clusterName(c)).fargateProfileNames())
          .containsExactlyInAnyOrderElementsOf(PROFILES);
    }
  }

  @Test
  void anEmptyPruneOfOneClusterDeletesNothing() {
    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"));

    assertNothingDeleted();
    assertThat(report.get("status")).isEqualTo("limit-exceeded");
    // Both managed profiles count, though EKS lets the plan delete only one at a time.
    assertThat((Map<String, Object>) report.get("limits"))
        .containsEntry("lookedAt", 2)
        .containsEntry("changes", 2)
        .containsEntry("inferredChanges", 2)
        .containsEntry("inferredPercent", 100.0)
        .containsEntry("maxChangesPercent", 50);
    assertThat((List<Object>) report.get("applied")).isEmpty();
    assertThat((Map<String, Double>) report.get("metrics"))
        .containsEntry("ChangeLimitExceeded", 1.0);
    assertThat(audits.drain())
        .filteredOn(d -> d.detailType().equals("Change Limit Exceeded"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.detail())
                    .containsEntry("function", FargateProfileReconciler.NAME)
                    .containsEntry("lookedAt", BigDecimal.valueOf(2))
                    .containsEntry("inferredChanges", BigDecimal.valueOf(2)));
  }

  @Test
  void aSweepOverAFleetWithTheEmptyPruneEverywhereDeletesNothing() {
    Map<String, Object> report = run(tick());

    assertNothingDeleted();
    assertThat(report.get("status")).isEqualTo("limit-exceeded");
    assertThat((Map<String, Object>) report.get("limits"))
        .containsEntry("lookedAt", 4)
        .containsEntry("inferredChanges", 4);
    assertThat(audits.drain())
        .extracting(AuditTrail.Delivered::detailType)
        .contains("Change Limit Exceeded");
  }

  @Test
  void aDocumentThatStillListsHalfOfWhatItManagesMayPrune() {
    aws.seeder()
        .seed(
            fleet()
                .desiredFargate(
                    "dev-1",
                    "{\"prune\":true,\"profiles\":[{\"name\":\"team-a\",\"podExecutionRoleArn\":\""
                        + DesiredDocs.ROLE
                        + "\",\"subnets\":"
                        + DesiredDocs.SUBNETS
                        + ",\"selectors\":[{\"namespace\":\"team-a\"}]}]}"));

    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"));

    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(recorder.mutations()).contains("eks:DeleteFargateProfile");
  }

  private static Map<String, Object> tick() {
    return EventFiles.tick(Instant.parse("2026-11-25T14:00:00Z"));
  }
}
