package dev.ekssteward.fargate;

import static dev.ekssteward.fargate.DesiredDocs.ROLE;
import static dev.ekssteward.fargate.DesiredDocs.ROLE_V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.fargate.aws.FakeEks;
import dev.ekssteward.fargate.aws.ObservedProfile;
import dev.ekssteward.fargate.aws.ObservedProfile.Status;
import dev.ekssteward.fargate.desired.ProfileSpec;
import dev.ekssteward.fargate.desired.Selector;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.ManualClock;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.retries.api.BackoffStrategy;

/**
 * The whole function (pipeline, planner, applier) against the in-memory EKS, which has the
 * CREATING/DELETING transitions, the one-in-transition 409 and CREATE_FAILED that moto lacks. SSM
 * (config and desired state) is moto. Time is fake: the pipeline's sleeps advance the clock.
 */
class FakeEksIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String POD_NAMESPACE = "team-a";
  static final Map<String, String> POD_LABELS = Map.of("lifecycle", "fargate");
  static final String LABELS = "{\"lifecycle\":\"fargate\"}";

  final ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
  final FakeEks eks = new FakeEks(clock);
  final CallRecorder recorder = new CallRecorder(FargateProfileReconciler.NAME);

  @BeforeEach
  void setUp() {
    eks.addCluster("dev-1");
  }

  /** One invocation with {@code seconds} of Lambda time left (10 s of it are kept in reserve). */
  Map<String, Object> run(Map<String, Object> event, int seconds) {
    // A fresh graph per invocation, as a cold start: progress can only come from observed state.
    return handler().handle(event, new TestContext("fn", seconds * 1000L));
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

  /** Brings team-a to ACTIVE with the first spec and forgets the history of getting there. */
  int converged(String document) {
    DesiredDocs.put(aws, "dev-1", document);
    run(DesiredDocs.parameterChange("dev-1"), 300);
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
    return eks.mutations().size();
  }

  Status status(String name) {
    return profiles().stream()
        .filter(p -> p.name().equals(name))
        .map(ObservedProfile::status)
        .findFirst()
        .orElse(null);
  }

  List<ObservedProfile> profiles() {
    return eks.profiles(null, "dev-1");
  }

  /** The namespace had an ACTIVE profile at every instant anyone looked or changed anything. */
  void assertNamespaceAlwaysCovered(Instant since) {
    List<FakeEks.Snapshot> seen =
        eks.history().stream().filter(s -> !s.at().isBefore(since)).toList();
    assertThat(seen).isNotEmpty();
    for (FakeEks.Snapshot s : seen) {
      assertThat(
              s.profiles().stream()
                  .filter(p -> p.status() == Status.ACTIVE)
                  .anyMatch(
                      p ->
                          p.spec().selectors().stream()
                              .anyMatch(sel -> sel.matches(POD_NAMESPACE, POD_LABELS))))
          .as("namespace covered at %s after %s", s.at(), s.call())
          .isTrue();
    }
  }

  @Test
  void aSelectorChangeIsRepairedMakeBeforeBreakAcrossInvocations() {
    int before = converged(DesiredDocs.teamA(ROLE, LABELS, "{}"));
    Instant since = clock.instant();
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, "{}", "{}"));
    String replacement =
        "team-a-"
            + new ProfileSpec(
                    ROLE,
                    Set.of("subnet-0abc1234", "subnet-0def5678"),
                    Set.of(new Selector("team-a", Map.of())))
                .hash();

    Map<String, Object> first = run(DesiredDocs.parameterChange("dev-1"), 20);
    assertThat(eks.mutations().subList(before, eks.mutations().size()))
        .containsExactly("Create " + replacement);
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
    assertThat(status(replacement)).isEqualTo(Status.CREATING);
    assertThat((List<?>) first.get("pending")).hasSize(1);

    clock.advance(Duration.ofSeconds(60));
    Map<String, Object> second = run(DesiredDocs.tick(), 20);
    assertThat(eks.mutations().subList(before, eks.mutations().size()))
        .containsExactly("Create " + replacement, "Tag " + replacement, "Delete team-a");
    assertThat(status("team-a")).isEqualTo(Status.DELETING);
    assertThat(applied(second))
        .containsExactly("MarkManaged applied", "DeleteProfile team-a applied");

    clock.advance(Duration.ofSeconds(60));
    Map<String, Object> third = run(DesiredDocs.tick(), 20);
    assertThat(eks.mutations()).hasSize(before + 3);
    assertThat(third.get("applied")).isEqualTo(List.of());
    assertThat(third.get("pending")).isEqualTo(List.of());
    assertThat(profiles()).extracting(ObservedProfile::name).containsExactly(replacement);

    assertNamespaceAlwaysCovered(since);
    assertThat(eks.conflicts()).isZero();
  }

  @Test
  void anExcludeTagSetDuringAReplacementStopsItBeforeTheOldProfileIsDeleted() {
    int before = converged(DesiredDocs.teamA(ROLE, LABELS, "{}"));
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, "{}", "{}"));
    run(DesiredDocs.parameterChange("dev-1"), 20);
    assertThat(eks.mutations()).hasSize(before + 1);
    eks.tagCluster("dev-1", Map.of("eks-steward/exclude", "true"));

    clock.advance(Duration.ofSeconds(60));
    Map<String, Object> report = run(DesiredDocs.tick(), 300);

    assertThat(eks.mutations()).hasSize(before + 1);
    assertThat(profiles())
        .extracting(p -> p.name().startsWith("team-a-") ? "replacement" : p.name())
        .containsExactlyInAnyOrder("team-a", "replacement");
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
    assertThat(report.get("pending")).isEqualTo(List.of());
    assertThat(report.get("planned").toString())
        .contains("type=Skip, target=dev-1, reason=cluster is tagged eks-steward/exclude=true");
  }

  @Test
  void aRoleChangeConvergesInOneLongInvocationWithoutUncoveringTheNamespace() {
    int before = converged(DesiredDocs.teamA(ROLE, LABELS, "{}"));
    Instant since = clock.instant();
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE_V2, LABELS, "{}"));

    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"), 300);

    assertThat(eks.mutations().subList(before, eks.mutations().size()))
        .hasSize(3)
        .first()
        .asString()
        .startsWith("Create team-a-");
    assertThat(eks.mutations().get(before + 1)).startsWith("Tag team-a-"); // its managed mark
    assertThat(eks.mutations().get(before + 2)).isEqualTo("Delete team-a");
    assertThat(report.get("pending")).isEqualTo(List.of());
    assertThat(report.get("errors")).isEqualTo(List.of());
    assertThat(profiles())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.status()).isEqualTo(Status.ACTIVE);
              assertThat(p.spec().podExecutionRoleArn()).isEqualTo(ROLE_V2);
            });
    assertNamespaceAlwaysCovered(since);
    assertThat(eks.conflicts()).isZero();
  }

  @Test
  void createFailedIsReportedWithItsHealthIssuesAndNotRetried() {
    int before = converged(DesiredDocs.teamA(ROLE, LABELS, "{}"));
    eks.failingRoles.add(ROLE_V2);
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE_V2, LABELS, "{}"));

    Map<String, Object> report = run(DesiredDocs.parameterChange("dev-1"), 300);
    clock.advance(Duration.ofMinutes(15));
    Map<String, Object> next = run(DesiredDocs.tick(), 300);

    assertThat(eks.mutations().subList(before, eks.mutations().size())).hasSize(1);
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
    for (Map<String, Object> r : List.of(report, next)) {
      assertThat(findings(r))
          .anySatisfy(
              f -> {
                assertThat(f.get("detailType")).isEqualTo("Fargate Profile Failed");
                assertThat(f.get("status")).isEqualTo("CREATE_FAILED");
                assertThat((List<?>) f.get("healthIssues"))
                    .singleElement()
                    .asString()
                    .contains("PodExecutionRole");
              });
      assertThat(r.get("errors")).isEqualTo(List.of());
    }
  }

  @Test
  void waitsWhileSomeoneElsesProfileIsInTransition() {
    DesiredDocs.put(aws, "dev-1", DesiredDocs.teamA(ROLE, LABELS, "{}"));
    eks.externalCreate(
        "dev-1", "ops", new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("ops", Map.of()))));

    Map<String, Object> waiting = run(DesiredDocs.parameterChange("dev-1"), 20);
    assertThat(eks.mutations()).isEmpty();
    assertThat((List<?>) waiting.get("pending")).hasSize(1);

    run(DesiredDocs.tick(), 300);
    assertThat(eks.mutations()).containsExactly("Create team-a", "Tag team-a");
    assertThat(status("team-a")).isEqualTo(Status.ACTIVE);
    assertThat(eks.conflicts()).isZero();
  }

  @Test
  void clustersProgressIndependently() {
    eks.addCluster("dev-2");
    eks.addCluster("dev-3");
    for (String c : List.of("dev-1", "dev-2", "dev-3")) {
      DesiredDocs.put(aws, c, DesiredDocs.teamA(ROLE, LABELS, "{}"));
    }
    eks.externalCreate(
        "dev-2", "ops", new ProfileSpec(ROLE, Set.of(), Set.of(new Selector("ops", Map.of()))));

    Map<String, Object> report = run(DesiredDocs.tick(), 20);

    assertThat(eks.mutations()).containsExactlyInAnyOrder("Create team-a", "Create team-a");
    assertThat((List<?>) report.get("pending")).hasSize(3);
    assertThat(eks.conflicts()).isZero();
  }

  @SuppressWarnings("unchecked")
  static List<String> applied(Map<String, Object> report) {
    return ((List<Map<String, Object>>) report.get("applied"))
        .stream()
            .map(
                a ->
                    a.get("type")
                        + (a.get("type").equals("DeleteProfile") ? " " + a.get("profile") : "")
                        + " "
                        + a.get("result"))
            .toList();
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> findings(Map<String, Object> report) {
    return (List<Map<String, Object>>) report.get("findings");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDesiredStateForAMissingClusterIsSkipped() {
    DesiredDocs.put(aws, "ghost", DesiredDocs.teamA(ROLE, LABELS, "{}"));

    Map<String, Object> report = run(DesiredDocs.parameterChange("ghost"), 20);

    assertThat(eks.mutations()).isEmpty();
    assertThat((List<Map<String, Object>>) report.get("planned"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.get("reason"))
                    .isEqualTo("cluster not found in 123456789012/eu-west-1"));
  }
}
