package dev.ekssteward.fargate;

import static dev.ekssteward.fargate.DesiredDocs.ROLE;
import static dev.ekssteward.fargate.FakeEksIT.LABELS;
import static dev.ekssteward.fargate.FakeEksIT.applied;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.fargate.aws.FakeEks;
import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.pipeline.TransientFailureException;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.LocalRecordSigner;
import dev.ekssteward.shared.testing.ManualClock;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.trust.Seals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.eks.model.EksException;

/**
 * What EKS's answers to our calls become in the report, through the whole function and the
 * in-memory EKS: busy (409) is deferred, a resource gone meanwhile is a no-op, a refusal fails and
 * is not asked again in the same invocation.
 */
class EksAnswersIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  final FakeEks eks = new FakeEks(clock);
  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  @BeforeEach
  void setUp() {
    eks.addCluster("dev-1");
  }

  FargateProfileReconcilerHandler handler() {
    return new FargateProfileReconcilerHandler(
        DaggerFakeEksComponent.factory()
            .create(
                FargateProfileReconciler.NAME,
                aws.settings(false),
                clock,
                new Waits(clock::advance, BackoffStrategy.retryImmediately()),
                List.of(recorder),
                eks));
  }

  Map<String, Object> run(Map<String, Object> event, int seconds) {
    return handler().handle(event, new TestContext("fn", seconds * 1000L));
  }

  Status status(String name) {
    return eks.profiles(null, "dev-1").stream()
        .filter(p -> p.name().equals(name))
        .map(ObservedProfile::status)
        .findFirst()
        .orElse(null);
  }

  /** Intended since the shared apply: 409 was NOOP "busy (409): ...; observed again". */
  @Test
  @SuppressWarnings("unchecked")
  void anUnforeseeable409IsDeferredNotAFailure() {
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, LABELS, "{}"));
    eks.beforeNextMutation(
        () ->
            eks.externalCreate(
                "dev-1",
                "ops",
                new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("ops", Map.of())))));

    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"), 300);

    assertThat(eks.conflicts()).isEqualTo(1);
    assertThat(applied(report))
        .containsExactly("CreateProfile deferred", "CreateProfile applied", "MarkManaged applied");
    assertThat(((List<Map<String, Object>>) report.get("applied")).get(0).get("message"))
        .isEqualTo("busy (409): Fargate profile ops is in transition; a later pass retries");
    assertThat(eks.mutations()).containsExactly("Create team-a", "Create team-a", "Tag team-a");
    assertThat(report.get("errors")).isEqualTo(List.of());
    assertThat(report.get("status")).isEqualTo("ok");
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
  }

  /** Intended since the shared apply: a create in a cluster that is gone was FAILED. */
  @Test
  @SuppressWarnings("unchecked")
  void aCreateInAClusterDeletedMeanwhileIsGoneNotAFailure() {
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, LABELS, "{}"));
    eks.beforeNextMutation(() -> eks.removeCluster("dev-1"));

    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"), 300);

    assertThat(eks.mutations()).containsExactly("Create team-a");
    assertThat((List<Map<String, Object>>) report.get("applied"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("result")).isEqualTo("noop");
              assertThat(a.get("message")).isEqualTo("gone: No cluster found for name: dev-1");
            });
    assertThat(report.get("errors")).isEqualTo(List.of());
    assertThat(report.get("pending")).isEqualTo(List.of());
    // The next pass saw the cluster gone and stopped there.
    assertThat(report.get("planned").toString())
        .contains("reason=cluster not found in 123456789012/eu-west-1");
  }

  /** Intended since the shared apply: a delete of a missing profile was NOOP "already gone". */
  @Test
  @SuppressWarnings("unchecked")
  void pruningAProfileSomeoneElseDeletedMeanwhileIsGone() {
    // Pruning a cluster's last managed profile is over the default change limit: allow it here.
    aws.seeder().seed(FleetSeed.fleet().config("{\"limits\":{\"maxChangesPercent\":100}}"));
    DesiredDocs.put(aws, "dev-1", "{\"prune\":true,\"profiles\":[]}");
    eks.externalCreate(
        "dev-1",
        "legacy",
        new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("x", Map.of()))),
        Map.of());
    // As the steward left it: the managed mark signed for its ARN.
    String arn = eks.arnOf("dev-1", "legacy");
    eks.externalTag(
        "dev-1",
        "legacy",
        Map.of(
            Contract.MANAGED_TAG,
            Seals.seal(LocalRecordSigner.KEY, Contract.MANAGED_TAG, arn, "true")));
    clock.advance(FakeEks.CREATE_TIME);
    eks.beforeNextMutation(() -> eks.externalDelete("dev-1", "legacy"));

    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"), 300);

    assertThat(eks.mutations()).containsExactly("Delete legacy");
    assertThat((List<Map<String, Object>>) report.get("applied"))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.get("type")).isEqualTo("DeleteProfile");
              assertThat(a.get("result")).isEqualTo("noop");
              assertThat(a.get("message"))
                  .isEqualTo("gone: No Fargate Profile found with name: legacy");
            });
    assertThat(report.get("errors")).isEqualTo(List.of());
    assertThat(eks.profiles(null, "dev-1")).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aCreateEksRefusesIsReportedOnceAndNotRetriedInThisRun() {
    eks.publicSubnets.add("subnet-0abc1234");
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, LABELS, "{}"));

    FargateProfileReconcilerHandler warm = handler();
    Map<String, Object> report =
        warm.handle(DesiredDocs.parameterChange("dev-1"), new TestContext("fn", 300_000));

    assertThat(eks.mutations()).containsExactly("Create team-a");
    assertThat(applied(report)).containsExactly("CreateProfile failed");
    assertThat(report.get("pending")).isEqualTo(List.of());
    assertThat((List<Map<String, Object>>) report.get("planned"))
        .anySatisfy(
            p ->
                assertThat((String) p.get("reason"))
                    .startsWith(
                        "CreateProfile refused by EKS in this run (InvalidParameterException: Subnet is not a private subnet)"));

    // The next trigger (same warm container) tries once more.
    warm.handle(DesiredDocs.tick(), new TestContext("fn", 300_000));
    assertThat(eks.mutations()).containsExactly("Create team-a", "Create team-a");
  }

  /**
   * Intended since the shared apply: a failure still worth retrying used to fail the scope; now it
   * fails the action, is not asked again in this run (it counts as a refusal) and fails the
   * invocation at its end, so Lambda retries it.
   */
  @Test
  void aCreateStillThrottledIsNotRetriedInTheRunAndTheInvocationFails() {
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, LABELS, "{}"));
    eks.beforeNextMutation(
        () -> {
          throw EksException.builder()
              .statusCode(429)
              .awsErrorDetails(
                  AwsErrorDetails.builder()
                      .errorCode("ThrottlingException")
                      .errorMessage("Rate exceeded")
                      .build())
              .build();
        });

    assertThatThrownBy(() -> run(DesiredDocs.parameterChange("dev-1"), 300))
        .isInstanceOf(TransientFailureException.class)
        .hasMessageContaining("Rate exceeded");
    // The throttled create was the only attempt: the recheck pass skipped it.
    assertThat(eks.mutations()).isEmpty();
    assertThat(eks.profiles(null, "dev-1")).isEmpty();

    run(DesiredDocs.parameterChange("dev-1"), 300);
    assertThat(eks.mutations()).containsExactly("Create team-a", "Tag team-a");
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
  }
}
