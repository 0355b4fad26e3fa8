package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.FakeEks;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.event.Trigger;
import dev.ekssteward.shared.pipeline.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Against an EKS that is busy (409), throttled ("Request limit exceeded") and UPDATING after every
 * change: the scheduler converges on later ticks and never loses or overwrites an original size.
 */
class ConvergenceTest {
  /** The night state of every group (the default scheduler.nightMaxSize is 1). */
  static final Sizes NIGHT = new Sizes(0, 0, 1);

  /** Every group by the default schedule, which this fleet means: no percent limit. */
  static final String CONFIG =
      """
      {"limits": {"maxChangesPercent": 100},
       "scheduler": {"defaultSchedule": "office", "schedules": {"office":
        {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 07:00-19:00"]}}}}
      """;

  static final Instant CREATED = Instant.parse("2026-11-01T00:00:00Z");

  /** Wednesday 2026-11-25; Berlin is UTC+1, so the group goes down at 18:00Z, up at 06:00Z. */
  static final Instant EVENING = Instant.parse("2026-11-25T17:00:00Z");

  static final Map<String, Sizes> ORIGINAL =
      Map.of("small", new Sizes(1, 1, 2), "web", new Sizes(2, 3, 5), "batch", new Sizes(0, 4, 10));

  static FakeTicks fleet() {
    FakeTicks t = new FakeTicks(CONFIG);
    t.eks.addCluster("dev-1", Map.of());
    ORIGINAL.forEach((name, sizes) -> t.eks.addGroup("dev-1", name, sizes, Map.of(), CREATED));
    return t;
  }

  @Property(tries = 60)
  void convergesThroughBusyAndThrottledEks(
      @ForAll long seed, @ForAll @DoubleRange(min = 0.0, max = 0.7) double failureRate) {
    FakeTicks t = fleet();
    Random random = new Random(seed);
    t.eks.chaos(random, failureRate);
    Instant now = EVENING;
    // Evening and night with failures, then an hour without: everything must be down.
    for (; now.isBefore(EVENING.plus(Duration.ofHours(3))); now = now.plusSeconds(300)) {
      tickAndCheck(t, now, random);
    }
    t.eks.chaos(random, 0);
    for (int i = 0; i < 12; i++, now = now.plusSeconds(300)) {
      tickAndCheck(t, now, random);
    }
    ORIGINAL.forEach(
        (name, sizes) -> {
          assertThat(t.eks.sizes("dev-1", name)).isEqualTo(NIGHT);
          assertThat(record(t, name)).isEqualTo(sizes);
        });
    // Morning with failures, then an hour without: everything restored exactly, records gone.
    t.eks.chaos(random, failureRate);
    for (now = Instant.parse("2026-11-26T05:30:00Z");
        now.isBefore(Instant.parse("2026-11-26T07:00:00Z"));
        now = now.plusSeconds(300)) {
      tickAndCheck(t, now, random);
    }
    t.eks.chaos(random, 0);
    for (int i = 0; i < 12; i++, now = now.plusSeconds(300)) {
      tickAndCheck(t, now, random);
    }
    ORIGINAL.forEach(
        (name, sizes) -> {
          assertThat(t.eks.sizes("dev-1", name)).isEqualTo(sizes);
          assertThat(t.eks.tags("dev-1", name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
    assertThat(t.eks.calls())
        .noneMatch(
            c ->
                c.startsWith("TagResource") && c.contains(Contract.ORIGINAL_SCALING_TAG + "=0-0-"));
  }

  /** One tick; UPDATING groups settle or not at random; the invariant holds after every tick. */
  private static void tickAndCheck(FakeTicks t, Instant now, Random random) {
    t.tick(now);
    if (random.nextBoolean()) {
      t.eks.settle();
    }
    ORIGINAL.forEach(
        (name, sizes) -> {
          Sizes current = t.eks.sizes("dev-1", name);
          Sizes recorded = record(t, name);
          if (current.equals(sizes)) {
            assertThat(recorded).as("%s at %s", name, now).isIn(null, sizes);
          } else {
            assertThat(current).as("%s at %s", name, now).isEqualTo(NIGHT);
            assertThat(recorded).as("record of %s at %s", name, now).isEqualTo(sizes);
          }
        });
  }

  private static Sizes record(FakeTicks t, String name) {
    String raw = t.eks.tags("dev-1", name).get(Contract.ORIGINAL_SCALING_TAG);
    return raw == null ? null : OriginalScaling.parse(raw).sizes();
  }

  @Example
  void busyGroupIsRetriedWithANewTokenOnTheNextTick() {
    FakeTicks t = new FakeTicks(CONFIG);
    t.eks.addCluster("dev-1", Map.of());
    t.eks.addGroup("dev-1", "small", new Sizes(1, 1, 2), Map.of(), CREATED);
    t.eks.script(
        "UpdateNodegroupConfig",
        FakeEks.resourceInUse(),
        FakeEks.requestLimit(),
        FakeEks.resourceInUse());

    // The port answers after the SDK's own retries: busy is deferred, a throttle that outlasted
    // them fails the action (and the invocation, for Lambda to retry); each tick tries again.
    assertThat(t.tick(Instant.parse("2026-11-25T18:05:00Z")))
        .extracting(Outcome::status)
        .containsExactly(Outcome.Status.DEFERRED);
    assertThat(t.tick(Instant.parse("2026-11-25T18:10:00Z")))
        .extracting(Outcome::status)
        .containsExactly(Outcome.Status.FAILED);
    assertThat(t.tick(Instant.parse("2026-11-25T18:15:00Z")))
        .extracting(Outcome::status)
        .containsExactly(Outcome.Status.DEFERRED);
    assertThat(record(t, "small")).isEqualTo(new Sizes(1, 1, 2));
    assertThat(t.eks.sizes("dev-1", "small")).isEqualTo(new Sizes(1, 1, 2));

    assertThat(t.tick(Instant.parse("2026-11-25T18:20:00Z")))
        .extracting(Outcome::status)
        .containsExactly(Outcome.Status.APPLIED);
    List<String> tokens =
        t.eks.calls().stream()
            .filter(c -> c.startsWith("UpdateNodegroupConfig dev-1/small"))
            .map(c -> c.substring(c.lastIndexOf(' ') + 1))
            .distinct()
            .toList();
    // Each tick's own: a reused token is answered as a replay of the first request, which would
    // change nothing had it gone through (a retry inside a tick keeps its token).
    assertThat(tokens).hasSize(4);
    assertThat(t.eks.calls()).filteredOn(c -> c.startsWith("UpdateNodegroupConfig")).hasSize(4);
    assertThat(t.eks.sizes("dev-1", "small")).isEqualTo(NIGHT);
  }

  @Example
  void recordThatCannotBeWrittenMeansNoScaling() {
    FakeTicks t = fleet();
    t.eks.script("TagResource", FakeEks.badRequest("A resource can have at most 50 tags."));

    List<Outcome> outcomes = t.tick(Instant.parse("2026-11-25T18:05:00Z"));

    Outcome failed =
        outcomes.stream()
            .filter(o -> o.status() == Outcome.Status.FAILED)
            .findFirst()
            .orElseThrow();
    assertThat(failed.message()).startsWith("could not record the original size, so did not scale");
    String group = (String) failed.action().details().get("nodegroup");
    assertThat(t.eks.sizes("dev-1", group)).isEqualTo(ORIGINAL.get(group));
    assertThat(t.eks.calls())
        .noneMatch(c -> c.startsWith("UpdateNodegroupConfig dev-1/" + group + " "));
  }

  @Example
  void updatingGroupIsSkippedUntilActive() {
    FakeTicks t = fleet();
    t.eks.setStatus("dev-1", "web", "UPDATING");

    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.calls()).noneMatch(c -> c.contains("dev-1/web ") || c.contains("/web/"));
    assertThat(t.plans.get(0).actions())
        .anySatisfy(
            a ->
                assertThat(a.toJson().toString())
                    .contains("status UPDATING; the next tick retries"));

    t.eks.settle();
    t.tick(Instant.parse("2026-11-25T18:10:00Z"));
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(NIGHT);
  }

  @Example
  void failedUntagAfterRestoreIsFinishedLaterWithoutResizing() {
    FakeTicks t = fleet();
    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    t.eks.settle();
    t.eks.script("UntagResource", FakeEks.badRequest("boom"));

    t.tick(Instant.parse("2026-11-26T06:05:00Z"));
    t.eks.settle();
    t.eks.clearCalls();
    t.tick(Instant.parse("2026-11-26T06:10:00Z"));

    ORIGINAL.forEach(
        (name, sizes) -> {
          assertThat(t.eks.sizes("dev-1", name)).isEqualTo(sizes);
          assertThat(t.eks.tags("dev-1", name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
    assertThat(t.eks.calls()).noneMatch(c -> c.startsWith("UpdateNodegroupConfig"));
    assertThat(t.eks.calls()).filteredOn(c -> c.startsWith("UntagResource")).hasSize(1);
  }

  @Example
  void maxOfZeroIsSentAsOne() {
    FakeTicks t = new FakeTicks(CONFIG);
    t.eks.addCluster("dev-1", Map.of());
    t.eks.addGroup("dev-1", "odd", new Sizes(0, 1, 0), Map.of(), CREATED);

    t.tick(Instant.parse("2026-11-25T18:05:00Z"));

    assertThat(t.eks.calls())
        .anyMatch(c -> c.startsWith("UpdateNodegroupConfig dev-1/odd 0-0-1 down-"));
    assertThat(t.eks.tags("dev-1", "odd"))
        .hasEntrySatisfying(
            Contract.ORIGINAL_SCALING_TAG,
            v -> assertThat(v).startsWith("0-1-0@2026-11-25T18:05Z max=1 mac=v1."));
  }

  @Example
  void wakeThenTheSameNightAgainSendsAFreshTokenSoEksReallyScalesDown() {
    FakeTicks t = fleet();
    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    t.eks.settle();
    t.run(
        new Trigger.WakeRequest("dev-1", List.of("web"), 60, "123456789012", "eu-west-1"),
        Instant.parse("2026-11-25T21:00:00Z"));
    t.eks.settle();
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.tags("dev-1", "web"))
        .containsEntry(Contract.KEEP_UP_UNTIL_TAG, "2026-11-25T22:00:00Z");

    t.tick(Instant.parse("2026-11-25T22:05:00Z"));

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(NIGHT);
    assertThat(t.eks.tags("dev-1", "web"))
        .hasEntrySatisfying(
            Contract.ORIGINAL_SCALING_TAG,
            v -> assertThat(v).startsWith("2-3-5@2026-11-25T22:05Z max=1 mac=v1."));
    List<String> downTokens =
        t.eks.calls().stream()
            .filter(c -> c.startsWith("UpdateNodegroupConfig dev-1/web 0-0-1"))
            .map(c -> c.substring(c.lastIndexOf(' ') + 1))
            .toList();
    assertThat(downTokens).hasSize(2).doesNotHaveDuplicates();
  }
}
