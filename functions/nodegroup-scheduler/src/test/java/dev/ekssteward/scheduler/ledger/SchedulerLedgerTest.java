package dev.ekssteward.scheduler.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Cluster;
import dev.ekssteward.scheduler.eks.Nodegroup;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.AwaitIndex;
import dev.ekssteward.scheduler.plan.ClusterState;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.scheduler.plan.ScaleDown;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Routing;
import dev.ekssteward.shared.event.Selection;
import dev.ekssteward.shared.pipeline.Action;
import dev.ekssteward.shared.pipeline.Finding;
import dev.ekssteward.shared.pipeline.Outcome;
import dev.ekssteward.shared.pipeline.Plan;
import dev.ekssteward.shared.pipeline.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scheduler's ledger over an in-memory parameter store. */
class SchedulerLedgerTest {
  static final Instant NOW = Instant.parse("2026-11-25T19:05:00Z");
  static final Target HOME = new Target("123456789012", "eu-west-1", null);
  static final String GONE_ROLE = "arn:aws:iam::111111111111:role/eks-steward-member";
  static final StewardConfig CONFIG =
      StewardConfig.parse("{\"targets\": {\"clusters\": {\"exclude\": [\"old-*\"]}}}", "t");
  static final String INDEX = "/eks-steward/scheduler/records/";

  final MemoryStore store = new MemoryStore();

  SchedulerLedger ledger(Selection selection, String cluster, boolean wholeRun, boolean dryRun) {
    return new SchedulerLedger(
        store,
        CONFIG,
        new Routing.Go(List.of(HOME), cluster, selection),
        List.of(HOME),
        wholeRun,
        dryRun,
        NOW);
  }

  static ClusterState cluster(String name, boolean recorded) {
    Map<String, String> tags =
        recorded
            ? Map.of(
                Contract.ORIGINAL_SCALING_TAG,
                OriginalScaling.of(new Sizes(1, 1, 2), NOW, 1).encode())
            : Map.of();
    return new ClusterState(
        new Cluster(name, "arn:" + name, Map.of()),
        List.of(
            new Nodegroup(
                name,
                "ng",
                "arn:ng",
                "ACTIVE",
                new Sizes(0, 0, 1),
                tags,
                null,
                List.of(),
                null,
                null)));
  }

  @Test
  void aTickVisitsWhatTheIndexNamesOutsideTheConfigAndNothingElse() {
    store.parameters.put(
        INDEX + "123456789012/eu-west-1/1", "{\"clusters\":[\"dev-1\",\"old-1\"]}");
    store.parameters.put(
        INDEX + "111111111111/us-east-2/1",
        "{\"role\":\"" + GONE_ROLE + "\",\"clusters\":[\"member-1\"]}");

    List<Scope> more = ledger(Selection.ALL, null, true, false).moreScopes(List.of());

    assertThat(more)
        .extracting(Scope::toString)
        .containsExactlyInAnyOrder(
            "111111111111/us-east-2/member-1", "123456789012/eu-west-1/old-1");
    assertThat(more)
        .filteredOn(s -> s.cluster().equals("member-1"))
        .singleElement()
        .satisfies(s -> assertThat(s.target().roleArn()).isEqualTo(GONE_ROLE));
    assertThat(ledger(Selection.ALL, null, false, false).moreScopes(List.of()))
        .as("a fan-out message's share of a tick")
        .isEmpty();
    assertThat(
            ledger(new Selection.Wake(List.of(), null), "dev-1", true, false).moreScopes(List.of()))
        .isEmpty();
  }

  @Test
  void itTellsThePlannerWhatOnlyItKnows() {
    store.parameters.put(INDEX + "123456789012/eu-west-1/1", "{\"clusters\":[\"old-1\"]}");
    store.parameters.put(
        "/eks-steward/scheduler/pause", "{\"clusters\":{\"dev-1\":\"2026-11-26T00:00:00Z\"}}");
    SchedulerLedger ledger = ledger(Selection.ALL, null, true, false);
    Scope old = ledger.moreScopes(List.of()).get(0);

    var outside = ledger.observed(old, cluster("old-1", true)).facts();
    assertThat(outside.outOfScope()).contains("no longer selected by targets.clusters");
    assertThat(outside.indexed()).isTrue();
    var dev =
        ledger.observed(new Scope(HOME, "dev-1", Selection.ALL), cluster("dev-1", false)).facts();
    assertThat(dev.indexed()).isFalse();
    assertThat(dev.outOfScope()).isNull();
    assertThat(dev.pausedUntil()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
    assertThat(
            ledger(Selection.ALL, null, true, true)
                .observed(new Scope(HOME, "dev-1", Selection.ALL), cluster("dev-1", false))
                .facts()
                .indexed())
        .as("dry-run: as after the write a live run makes first")
        .isTrue();
  }

  @Test
  void heldScaleDownsRunAgainOnceTheIndexIsWrittenAndOnlyThem() {
    SchedulerLedger ledger = ledger(Selection.ALL, null, true, false);
    Scope dev = new Scope(HOME, "dev-1", Selection.ALL);
    Scope quiet = new Scope(HOME, "quiet-1", Selection.ALL);
    ledger.observed(dev, cluster("dev-1", false));
    ledger.observed(quiet, cluster("quiet-1", false));
    ledger.planned(dev, Plan.of(List.of(new AwaitIndex("arn:ng", "dev-1", "ng")), List.of()));
    ledger.planned(quiet, Plan.empty());

    List<Action> closing = ledger.closing();
    assertThat(closing)
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.target()).isEqualTo(INDEX + "123456789012/eu-west-1/1");
              assertThat(((UpdateRecordIndex) a).value()).isEqualTo("{\"clusters\":[\"dev-1\"]}");
            });
    assertThat(ledger.again(List.of(Outcome.failed(closing.get(0), "denied"))))
        .as("the write failed: the next tick tries again")
        .isEmpty();
    List<Scope> again =
        ledger.again(List.of(new Outcome(closing.get(0), Outcome.Status.APPLIED, null, List.of())));
    assertThat(again).containsExactly(dev);

    assertThat(ledger.observed(dev, cluster("dev-1", false)).facts().indexed()).isTrue();
    ScaleDown down =
        new ScaleDown("arn:ng", "dev-1", "ng", OriginalScaling.of(new Sizes(1, 1, 2), NOW, 1), "t");
    Plan second =
        ledger.planned(
            dev,
            new Plan(
                List.of(new Action.Skip("arn:other", "already at zero"), down),
                List.of(new Finding("Schedule Invalid", "arn:other", Map.of())),
                Map.of("ScaledDown", 1.0, "Skipped", 1.0),
                null));
    assertThat(second.actions()).containsExactly(down);
    assertThat(second.findings()).isEmpty();
    assertThat(second.metrics()).containsOnlyKeys("ScaledDown");
    assertThat(ledger.closing()).as("nothing more to write").isEmpty();
  }

  @Test
  void onlyAWholeLookAtAClusterWithoutRecordsTakesItOut() {
    store.parameters.put(INDEX + "123456789012/eu-west-1/1", "{\"clusters\":[\"dev-1\"]}");
    SchedulerLedger event = ledger(new Selection.Wake(List.of("ng"), 60), "dev-1", false, false);
    Scope named = new Scope(HOME, "dev-1", new Selection.Wake(List.of("ng"), 60));
    event.observed(named, cluster("dev-1", false));
    event.planned(named, Plan.empty());
    assertThat(event.closing()).isEmpty();

    SchedulerLedger tick = ledger(Selection.ALL, null, true, false);
    Scope all = new Scope(HOME, "dev-1", Selection.ALL);
    tick.observed(all, cluster("dev-1", false));
    tick.planned(all, Plan.empty());
    assertThat(tick.closing())
        .singleElement()
        .satisfies(a -> assertThat(((UpdateRecordIndex) a).value()).isNull());
  }

  @Test
  void aReleasePausesFirst() {
    store.parameters.put(
        "/eks-steward/scheduler/pause", "{\"clusters\":{\"dev-2\":\"2026-11-26T00:00:00Z\"}}");

    List<Action> opening = ledger(new Selection.Release(null, 24), "dev-1", true, false).opening();

    assertThat(opening)
        .singleElement()
        .satisfies(
            a -> {
              PauseScaleDowns p = (PauseScaleDowns) a;
              assertThat(p.until()).isEqualTo(Instant.parse("2026-11-26T19:05:00Z"));
              assertThat(p.cluster()).isEqualTo("dev-1");
              assertThat(p.pause().clusters())
                  .containsOnlyKeys("dev-1", "dev-2")
                  .containsEntry("dev-1", Instant.parse("2026-11-26T19:05:00Z"));
            });
    assertThat(ledger(Selection.ALL, null, true, false).opening()).isEmpty();
  }

  @Test
  void aScheduledClusterKeepsItsPlaceThroughTheDayUnlessAReleasePausesIt() {
    store.parameters.put(INDEX + "123456789012/eu-west-1/1", "{\"clusters\":[\"dev-1\"]}");
    Scope all = new Scope(HOME, "dev-1", Selection.ALL);
    ClusterState scheduled =
        new ClusterState(
            new Cluster("dev-1", "arn:dev-1", Map.of(Contract.SCHEDULE_TAG, "office")),
            cluster("dev-1", false).nodegroups());

    SchedulerLedger day = ledger(Selection.ALL, null, true, false);
    day.observed(all, scheduled);
    day.planned(all, Plan.empty());
    assertThat(day.closing()).as("no write on an ordinary day tick").isEmpty();

    SchedulerLedger release =
        ledger(new Selection.Release(NOW.plusSeconds(3600), null), null, true, false);
    Scope released = new Scope(HOME, "dev-1", new Selection.Release(NOW.plusSeconds(3600), null));
    release.observed(released, scheduled);
    release.planned(released, Plan.empty());
    assertThat(release.closing())
        .singleElement()
        .satisfies(a -> assertThat(((UpdateRecordIndex) a).value()).isNull());
  }
}
