package dev.ekssteward.fargate;

import static dev.ekssteward.fargate.DesiredDocs.ROLE;
import static dev.ekssteward.fargate.DesiredDocs.ROLE_V2;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.Deliveries;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.FleetFixture;
import dev.ekssteward.shared.testing.HostileRuns;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Overlap;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.ProfileSeed;
import dev.ekssteward.shared.trust.Sealed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.FargateProfile;

/**
 * The reliability harness on the Fargate reconciler: a replacement (new pod role), a creation and a
 * prune, crashed at every call, never leaving namespace team-a without a profile; the sample events
 * twice and reversed; two reconciles at once; hostile events and desired-state documents.
 */
class FargateReliabilityIT {
  /** Lifecycle states on, short: the matrices run the reconcile about a hundred times. */
  @RegisterExtension static final LocalAws aws = LocalAws.withTransitionSeconds(0.1);

  static final Map<String, Object> CHANGE = EventFiles.load("fargate-parameter-change.json");

  /** team-a moves to a new pod role (replacement), batch is new, legacy is pruned. */
  static final String DESIRED =
      "{\"prune\":true,\"profiles\":["
          + "{\"name\":\"team-a\",\"podExecutionRoleArn\":\""
          + ROLE_V2
          + "\",\"subnets\":[\"subnet-0abc1234\",\"subnet-0def5678\"],"
          + "\"selectors\":[{\"namespace\":\"team-a\",\"labels\":{\"lifecycle\":\"fargate\"}}],"
          + "\"tags\":{\"team\":\"payments\"}},"
          + "{\"name\":\"batch\",\"podExecutionRoleArn\":\""
          + ROLE
          + "\",\"subnets\":[\"subnet-0abc1234\"],"
          + "\"selectors\":[{\"namespace\":\"batch-*\"}]}]}";

  static Map<String, Object> run(Map<String, Object> event, List<ExecutionInterceptor> with) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T14:05:00Z"), ZoneOffset.UTC);
    return FargateFixture.handler(aws, false, clock, with)
        .handle(event, new TestContext(FargateProfileReconciler.NAME));
  }

  /** A managed profile on the pod role {@link DesiredDocs#ROLE}, in both subnets. */
  static ProfileSeed managed(String name, String namespace) {
    return ProfileSeed.profile(name)
        .podExecutionRole(ROLE)
        .subnets(List.of("subnet-0abc1234", "subnet-0def5678"))
        .selector(namespace, Map.of("lifecycle", "fargate"))
        .tags(Map.of("eks-steward/managed", "true", "team", "payments"));
  }

  static void fleet() {
    aws.seeder()
        .seed(
            FleetSeed.fleet()
                .cluster(
                    cluster("dev-1")
                        .fargateProfile(managed("team-a", "team-a"))
                        .fargateProfile(managed("legacy", "legacy")))
                .desiredFargate("dev-1", DESIRED));
    // As the steward left them: the managed marks signed for each profile by the stack's key.
    for (String name : List.of("team-a", "legacy")) {
      String arn =
          aws.eks()
              .describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName(name))
              .fargateProfile()
              .fargateProfileArn();
      String mark = RecordKeys.seal(aws, Contract.MANAGED_TAG, arn, "true");
      aws.eks().tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.MANAGED_TAG, mark)));
    }
  }

  /**
   * Tags, with a signed managed mark as "true (signed)": each run starts from a fresh moto, whose
   * record key (and so every MAC) is new.
   */
  static Map<String, String> comparableTags(Map<String, String> tags) {
    Map<String, String> out = new TreeMap<>(tags);
    out.computeIfPresent(
        Contract.MANAGED_TAG, (k, v) -> Sealed.parse(v).signed() ? "true (signed)" : v);
    return out;
  }

  /** Profile name → role, subnets, selectors and tags. */
  static Map<String, Object> state() {
    EksClient eks = aws.eks();
    Map<String, Object> out = new TreeMap<>();
    for (String name : eks.listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames()) {
      FargateProfile p =
          eks.describeFargateProfile(r -> r.clusterName("dev-1").fargateProfileName(name))
              .fargateProfile();
      out.put(
          name,
          List.of(
              p.podExecutionRoleArn(),
              p.subnets().stream().sorted().toList(),
              p.selectors().toString(),
              comparableTags(p.tags()),
              p.statusAsString()));
    }
    return out;
  }

  /** Namespace team-a's pods always have an ACTIVE profile, before, during and after. */
  @SuppressWarnings("unchecked")
  static void teamAStaysCovered(Map<String, Object> state) {
    assertThat(state.values())
        .as("profiles covering namespace team-a in " + state.keySet())
        .anySatisfy(
            v -> {
              List<Object> p = (List<Object>) v;
              assertThat((String) p.get(2)).contains("Namespace=team-a");
              assertThat(p.get(4)).isEqualTo("ACTIVE");
            });
  }

  static final FleetFixture<Map<String, Object>> FLEET =
      new FleetFixture<>(
          FargateProfileReconciler.NAME,
          FargateReliabilityIT::fleet,
          FargateReliabilityIT::run,
          FargateReliabilityIT::state,
          FargateReliabilityIT::teamAStaysCovered);

  static final CrashMatrix.Scenario<Map<String, Object>> SCENARIO = FLEET.scenario(CHANGE);

  /** Budget: every call N, one crash kind each, rotating through all four. */
  @Test
  void crashAtEveryCallOfAReplacementConvergesWithoutUncoveringANamespace() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.standardKinds()).rotatingKinds().run(SCENARIO);

    result.assertPassed();
    assertThat(FargateReliabilityIT.state()).containsKeys("batch").doesNotContainKeys("legacy");
  }

  /** Budget: every call N, one blip kind each, rotating. */
  @Test
  void aBlipAtEveryCallIsRetriedWithinTheRun() throws Exception {
    new CrashMatrix(aws, CrashMatrix.blipKinds()).rotatingKinds().blips(SCENARIO).assertPassed();
  }

  /**
   * Budget: every change's answer lost once (AWS carried the request out; the SDK sends it again):
   * the retry must find it done and audit it exactly once.
   */
  @Test
  void aLostAnswerToEveryChangeIsRetriedAndAuditedOnce() throws Exception {
    new CrashMatrix(aws, List.of(Kind.TIMEOUT)).mutationsOnly().blips(SCENARIO).assertPassed();
  }

  @Test
  void everySampleEventTwiceAndInReverseOrderEndsTheSame() throws Exception {
    List<Map<String, Object>> events = EventFiles.startingWith("fargate-");
    assertThat(events).hasSizeGreaterThanOrEqualTo(3);

    new Deliveries(aws).assertSameOutcome(FLEET.deliveries(), events);
  }

  @Test
  void aStaleDeleteEventAfterTheProfileIsBackChangesNothing() {
    fleet();
    run(CHANGE, List.of());
    Map<String, Object> converged = state();
    CallRecorder calls = new CallRecorder(FargateProfileReconciler.NAME);

    run(EventFiles.load("fargate-delete-profile.json"), List.of(calls));

    assertThat(calls.mutations()).isEmpty();
    assertThat(state()).isEqualTo(converged);
  }

  /**
   * Profiles by logical name: after a race the replaced profile may live under the logical name
   * itself or under its replacement name {@code <name>-<8 hex>}, and both are the same converged
   * profile (DesiredProfile); everything else must be equal.
   */
  static Map<String, Object> byLogicalName(Map<String, Object> state) {
    Map<String, Object> out = new TreeMap<>();
    state.forEach((name, profile) -> out.put(name.replaceFirst("-[0-9a-f]{8}$", ""), profile));
    assertThat(out).as("one profile per logical name").hasSameSizeAs(state);
    return out;
  }

  @Test
  void twoReconcilesAtOnceEndAsOneAndKeepTheNamespaceCovered() throws Exception {
    Map<String, Object> once = FLEET.stateAfterOneRun(aws, i -> run(CHANGE, i));

    List<Overlap.Outcome<Map<String, Object>>> both =
        Overlap.together(() -> run(CHANGE, List.of()), () -> run(CHANGE, List.of()));

    teamAStaysCovered(state());
    // One of the two may lose a race (409 or "already exists") and report it; a re-run repairs.
    if (!byLogicalName(state()).equals(byLogicalName(once))) {
      run(CHANGE, List.of());
    }
    assertThat(byLogicalName(state())).isEqualTo(byLogicalName(once));
    assertThat(both.stream().filter(Overlap.Outcome::failed).map(Overlap.Outcome::error))
        .allSatisfy(
            e -> assertThat(e.getClass().getSimpleName()).isEqualTo("TransientFailureException"));
  }

  @Test
  void hostileEventsChangeNothingAndAlwaysGetAReport() throws Exception {
    aws.seeder().seed(FleetSeed.fleet().cluster(cluster("dev-1")));

    HostileRuns.eventsChangeNothing(FLEET, EventFiles.startingWith("fargate-"), 8001L);
  }

  @Test
  void hostileDesiredStateDocumentsAreRejectedBeforeAnyChange() {
    fleet();
    Map<String, Object> before = state();

    List<Boolean> rejected =
        HostileRuns.documents(
            FargateProfileReconciler.NAME,
            Json.parseObject(DESIRED),
            8002L,
            new HostileRuns.Documents(
                doc -> DesiredDocs.put(aws, "dev-1", doc),
                i -> run(CHANGE, i),
                report -> report.get("findings").toString().contains("Desired State Invalid"),
                report -> assertThat(state()).isEqualTo(before),
                // A document that is still valid may change profiles: put the fleet back.
                FargateReliabilityIT::reseed));
    assertThat(rejected).contains(true);
  }

  private static void reseed() {
    try {
      aws.reset();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    fleet();
  }
}
