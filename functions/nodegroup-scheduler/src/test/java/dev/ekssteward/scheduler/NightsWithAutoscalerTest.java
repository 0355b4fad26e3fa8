package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.scheduler.plan.OriginalScaling;
import dev.ekssteward.shared.Contract;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/**
 * Nights with an autoscaler and people: between ticks, an autoscaler moves each group's desired
 * size within its [min, max] (as Cluster Autoscaler does through the ASG), and now and then a
 * person sets new sizes (min or max moved). Whatever the interleaving, a record is never changed
 * while it stands, a restore brings back exactly the record, and the morning ends at the record or,
 * where a person changed the group while it was down, at that person's sizes.
 */
class NightsWithAutoscalerTest {
  private static final Instant FIRST = Instant.parse("2026-11-25T16:00:00Z");
  private static final Instant LAST = Instant.parse("2026-11-26T08:00:00Z");

  /** The actors stop before the morning (06:00Z), so the restore is what the groups end at. */
  private static final Instant QUIET = Instant.parse("2026-11-26T05:30:00Z");

  /** What one group went through, as the actors and the scheduler's calls tell it. */
  private static final class Story {
    String record;
    boolean personWhileDown;
    Sizes atQuiet;
  }

  @Property(tries = 150)
  void noInterleavingCostsARecordedSize(
      @ForAll long seed,
      @ForAll @DoubleRange(min = 0.0, max = 0.9) double autoscalerRate,
      @ForAll @DoubleRange(min = 0.0, max = 0.05) double personRate) {
    Random random = new Random(seed);
    FakeTicks t = ConvergenceTest.fleet();
    t.eks.updatingAfterUpdate(false);
    Map<String, Story> stories = new HashMap<>();
    ConvergenceTest.ORIGINAL.keySet().forEach(g -> stories.put(g, new Story()));
    for (Instant now = FIRST; !now.isAfter(LAST); now = now.plusSeconds(300)) {
      boolean actorsAwake = now.isBefore(QUIET);
      if (now.equals(QUIET)) {
        stories.forEach((g, story) -> story.atQuiet = t.eks.sizes("dev-1", g));
      }
      for (String g : ConvergenceTest.ORIGINAL.keySet()) {
        Sizes s = t.eks.sizes("dev-1", g);
        if (actorsAwake && random.nextDouble() < autoscalerRate) {
          int desired = s.min() + random.nextInt(s.max() - s.min() + 1);
          t.eks.setSizes("dev-1", g, new Sizes(s.min(), desired, s.max()));
        }
        if (actorsAwake && random.nextDouble() < personRate) {
          int min = 1 + random.nextInt(3);
          Sizes chosen = new Sizes(min, min + random.nextInt(3), min + 3 + random.nextInt(3));
          t.eks.setSizes("dev-1", g, chosen);
          stories.get(g).personWhileDown = record(t, g) != null;
        }
      }
      t.eks.clearCalls();
      t.tick(now);
      for (String g : ConvergenceTest.ORIGINAL.keySet()) {
        check(t, g, stories.get(g));
      }
    }
    for (String g : ConvergenceTest.ORIGINAL.keySet()) {
      Story story = stories.get(g);
      assertThat(record(t, g)).as("%s keeps no record after the morning", g).isNull();
      if (story.personWhileDown) {
        assertThat(t.eks.sizes("dev-1", g))
            .as("%s keeps the person's change", g)
            .isEqualTo(story.atQuiet);
      } else if (story.record != null) {
        assertThat(t.eks.sizes("dev-1", g))
            .as("%s restored exactly", g)
            .isEqualTo(OriginalScaling.parse(story.record).sizes());
      }
    }
  }

  /** A standing record never changes; a restore sends exactly the record's sizes. */
  private static void check(FakeTicks t, String g, Story story) {
    String now = t.eks.tags("dev-1", g).get(Contract.ORIGINAL_SCALING_TAG);
    if (story.record != null && now != null) {
      assertThat(now).as("the record of %s while it stands", g).isEqualTo(story.record);
    }
    List<String> ups =
        t.eks.calls().stream()
            .filter(c -> c.startsWith("UpdateNodegroupConfig dev-1/" + g + " "))
            .filter(c -> c.contains(" up-"))
            .toList();
    for (String up : ups) {
      assertThat(story.record).as("%s is only restored from a record", g).isNotNull();
      assertThat(up).contains(" " + OriginalScaling.parse(story.record).sizes().encode() + " ");
    }
    // Back at exactly the recorded sizes (a person, or the autoscaler after one) looks like an
    // unfinished scale-down: it goes down again, and the morning restores the record.
    boolean downAgain =
        t.eks.calls().stream()
            .anyMatch(
                c ->
                    c.startsWith("UpdateNodegroupConfig dev-1/" + g + " ") && c.contains(" down-"));
    if (story.record != null && downAgain) {
      story.personWhileDown = false;
    }
    if (now != null && story.record == null) {
      story.record = now;
      story.personWhileDown = false;
    } else if (now == null && story.record != null) {
      story.record = null;
    }
  }

  private static String record(FakeTicks t, String g) {
    return t.eks.tags("dev-1", g).get(Contract.ORIGINAL_SCALING_TAG);
  }

  @Example
  void anAutoscalerAtTheNightMaxCostsNothingInTheMorning() {
    FakeTicks t = ConvergenceTest.fleet();
    t.eks.updatingAfterUpdate(false);
    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 1));

    // Pending pods at night: the autoscaler raises desired to the night max and keeps it there.
    t.eks.setSizes("dev-1", "web", new Sizes(0, 1, 1));
    t.tick(Instant.parse("2026-11-25T23:00:00Z"));
    assertThat(t.eks.tags("dev-1", "web"))
        .hasEntrySatisfying(
            Contract.ORIGINAL_SCALING_TAG,
            v -> assertThat(v).startsWith("2-3-5@2026-11-25T18:05Z max=1 mac=v1."));
    assertThat(t.plans.get(t.plans.size() - 1).metrics()).containsEntry("NodesAwakeAtNight", 1.0);

    t.tick(Instant.parse("2026-11-26T06:05:00Z"));
    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
  }

  @Example
  void aPersonWhoMovedMinAtNightIsKeptAndReported() {
    FakeTicks t = ConvergenceTest.fleet();
    t.eks.updatingAfterUpdate(false);
    t.tick(Instant.parse("2026-11-25T18:05:00Z"));
    t.eks.setSizes("dev-1", "web", new Sizes(1, 1, 1));

    t.tick(Instant.parse("2026-11-26T06:05:00Z"));

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(1, 1, 1));
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(t.plans.get(t.plans.size() - 1).findings())
        .anySatisfy(f -> assertThat(f.detailType()).isEqualTo("Nodegroup Changed While Down"));
  }

  @Example
  void aLegacyRecordWithTheGroupsOwnMaxIsRestoredAsBefore() {
    FakeTicks t = new FakeTicks(RecordTrustTest.MIGRATING);
    t.eks.addCluster("dev-1", Map.of());
    t.eks.addGroup(
        "dev-1",
        "web",
        new Sizes(0, 2, 5),
        Map.of(Contract.ORIGINAL_SCALING_TAG, "2-3-5@2026-11-25T18:05Z"),
        ConvergenceTest.CREATED);
    t.eks.updatingAfterUpdate(false);

    t.tick(Instant.parse("2026-11-26T06:05:00Z"));

    assertThat(t.eks.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(t.eks.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
  }
}
