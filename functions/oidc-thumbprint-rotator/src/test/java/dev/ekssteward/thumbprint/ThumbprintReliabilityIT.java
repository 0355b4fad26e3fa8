package dev.ekssteward.thumbprint;

import static dev.ekssteward.thumbprint.Rig.FIVE;
import static dev.ekssteward.thumbprint.Rig.GITHUB;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.Deliveries;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.FleetFixture;
import dev.ekssteward.shared.testing.HostileRuns;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Overlap;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import dev.ekssteward.shared.testing.seed.ProviderSeed;
import dev.ekssteward.thumbprint.tls.LocalIssuer;
import dev.ekssteward.thumbprint.tls.TestPki;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;

/**
 * The reliability harness on the thumbprint rotator: a CA rotation of a cluster's issuer (on its
 * CreateCluster event) and of a full extra issuer (on the tick), served by a local HTTPS issuer,
 * crashed and blipped at every call, never leaving a provider with an empty or wrong-only list; the
 * sample events twice and reversed; two runs at once; hostile events and config documents.
 */
class ThumbprintReliabilityIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String CONFIG = Rig.allowingLocalhost(GITHUB);

  static Rig rig;
  static TestPki.Chain before;
  static TestPki.Chain after;
  static LocalIssuer server;
  static String oldCa;
  static String newCa;

  @BeforeAll
  static void issuer() throws Exception {
    aws.reset(); // Rig creates the audit bus; an earlier class may have left one
    rig = new Rig(aws);
    before = TestPki.chain("before");
    after = TestPki.chain("after");
    server = rig.serve(after); // the CA has rotated: the issuer now presents the new chain
    rig.trust(before, after);
    oldCa = before.thumbprint();
    newCa = after.thumbprint();
  }

  @AfterAll
  static void close() throws Exception {
    if (rig != null) {
      rig.close();
    }
  }

  static Map<String, Object> run(Map<String, Object> event, List<ExecutionInterceptor> with) {
    Clock clock = Clock.fixed(Instant.parse("2026-11-25T03:00:00Z"), ZoneOffset.UTC);
    return Rig.run(rig.routedTo(server, false, clock, with), event);
  }

  /** dev-1's provider still on the old CA; GitHub's extra issuer with a full list of five. */
  static void fleet() {
    rig.seed(
        FleetSeed.fleet()
            .config(CONFIG)
            .cluster(ClusterSeed.cluster("dev-1").oidcProvider(oldCa))
            .provider(ProviderSeed.issuer(GITHUB).thumbprints(FIVE.toArray(String[]::new))));
  }

  /** Provider URL (dev-1's issuer id, random in moto, as "dev-1") → its thumbprints, in order. */
  static Map<String, List<String>> state() {
    Map<String, List<String>> out = new TreeMap<>();
    for (OpenIDConnectProviderListEntry p :
        rig.iam.listOpenIDConnectProviders().openIDConnectProviderList()) {
      var provider = rig.provider(p.arn());
      out.put(provider.url().replaceAll("/id/[0-9A-F]+$", "/id/dev-1"), provider.thumbprintList());
    }
    return out;
  }

  /** Never empty, never more than five, never anything but what was there or the new CA's. */
  static void neverEmptyNorWrongOnly(Map<String, List<String>> state) {
    Set<String> known = new HashSet<>(FIVE);
    known.add(oldCa);
    known.add(newCa);
    assertThat(state).hasSize(2);
    state.forEach(
        (url, list) ->
            assertThat(list)
                .as("thumbprints of " + url)
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(5)
                .doesNotHaveDuplicates()
                .allSatisfy(t -> assertThat(known).contains(t)));
  }

  static final FleetFixture<Map<String, List<String>>> FLEET =
      new FleetFixture<>(
          ThumbprintRotator.NAME,
          ThumbprintReliabilityIT::fleet,
          ThumbprintReliabilityIT::run,
          ThumbprintReliabilityIT::state,
          ThumbprintReliabilityIT::neverEmptyNorWrongOnly);

  static final CrashMatrix.Scenario<Map<String, List<String>>> SCENARIO =
      FLEET.scenario(EventFiles.load("thumbprint-create-cluster.json"), Rig.tick());

  @Test
  void crashAtEveryCallOfACaRotationConvergesAndNeverEmptiesAList() throws Exception {
    CrashMatrix.Result result = new CrashMatrix(aws, CrashMatrix.standardKinds()).run(SCENARIO);

    result.assertPassed();
    assertThat(state().get(GITHUB.substring("https://".length())))
        .containsExactly(newCa, FIVE.get(0), FIVE.get(1), FIVE.get(2), FIVE.get(3));
  }

  /** Budget: every call N, one blip kind each, rotating (IAM's throttles wait in the SDK). */
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
    List<Map<String, Object>> events = EventFiles.startingWith("thumbprint-");
    assertThat(events).hasSizeGreaterThanOrEqualTo(3);

    new Deliveries(aws).assertSameOutcome(FLEET.deliveries(), events);
  }

  @Test
  void twoRunsAtOnceNeverLoseAThumbprintAndEndAsOne() throws Exception {
    Map<String, List<String>> once = FLEET.stateAfterOneRun(aws, i -> run(Rig.tick(), i));

    List<Overlap.Outcome<Map<String, Object>>> both =
        Overlap.together(() -> run(Rig.tick(), List.of()), () -> run(Rig.tick(), List.of()));

    assertThat(both).noneMatch(Overlap.Outcome::failed);
    neverEmptyNorWrongOnly(state());
    assertThat(state()).isEqualTo(once);
  }

  @Test
  void hostileEventsChangeNothingAndAlwaysGetAReport() throws Exception {
    rig.config(CONFIG);

    HostileRuns.eventsChangeNothing(FLEET, EventFiles.startingWith("thumbprint-"), 6001L);
  }

  @Test
  void hostileConfigDocumentsAreRejectedBeforeAnyChange() {
    fleet();
    Map<String, List<String>> seeded = state();

    List<Boolean> rejected =
        HostileRuns.documents(
            ThumbprintRotator.NAME,
            Json.parseObject(CONFIG),
            6002L,
            new HostileRuns.Documents(
                rig::config,
                i -> run(Rig.tick(), i),
                HostileRuns::invalidConfig,
                report -> assertThat(state()).isEqualTo(seeded),
                // a still-valid document may rotate: put the lists back
                () ->
                    rig.iam
                        .listOpenIDConnectProviders()
                        .openIDConnectProviderList()
                        .forEach(p -> restore(p.arn(), seeded))));
    assertThat(rejected).contains(true);
  }

  private static void restore(String arn, Map<String, List<String>> seeded) {
    String url = rig.provider(arn).url().replaceAll("/id/[0-9A-F]+$", "/id/dev-1");
    rig.iam.updateOpenIDConnectProviderThumbprint(
        r -> r.openIDConnectProviderArn(arn).thumbprintList(seeded.get(url)));
  }
}
