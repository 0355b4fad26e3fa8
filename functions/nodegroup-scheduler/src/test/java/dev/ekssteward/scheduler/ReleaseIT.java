package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.scheduler.MotoFleet.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Release Request (the first step of an uninstall) restores every recorded group in scope and
 * beyond it, pauses scale-downs until the time it names, and leaves the record index empty.
 */
class ReleaseIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final String PAUSE = "/eks-steward/scheduler/pause";

  private MotoFleet fleet;

  @BeforeEach
  void seed() {
    fleet = new MotoFleet(aws).settling();
    fleet.seed(MotoFleet.office());
    fleet.tick(at(0, "19:05"));
    ORIGINAL
        .keySet()
        .forEach(name -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(new Sizes(0, 0, 1)));
  }

  @Test
  void aReleaseRestoresEveryGroupPausesScaleDownsAndEmptiesTheIndex() {
    Instant sent = at(0, "20:00");
    Instant until = sent.plus(Duration.ofHours(24));

    Map<String, Object> report = fleet.release(sent, Map.of("hours", 24), false);

    assertThat(report.get("status")).isEqualTo("ok");
    ORIGINAL.forEach(
        (name, s) -> {
          assertThat(fleet.sizes("dev-1", name)).isEqualTo(s);
          assertThat(fleet.tags("dev-1", name)).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
        });
    assertThat(fleet.parameters())
        .containsOnlyKeys(PAUSE)
        .containsEntry(PAUSE, "{\"until\":\"" + until + "\"}");
    assertThat(fleet.sent.audits("Scale-Downs Paused"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("until", until.toString())
                    .containsEntry("cluster", "*"));
    assertThat(fleet.sent.audits("Nodegroup Scaled Up"))
        .hasSize(3)
        .allSatisfy(
            a ->
                assertThat(a.detail())
                    .containsEntry("reason", "released: scale-downs paused until " + until)
                    .containsEntry("recordRemoved", true));
    // The pause was written before the first restore.
    assertThat(fleet.recorder.mutations().get(0)).isEqualTo("ssm:PutParameter");

    Map<String, Object> night = fleet.tick(at(0, "23:00"));
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(night.get("planned").toString()).doesNotContain("ScaleDown");
    ORIGINAL.forEach((name, s) -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(s));

    // Once the pause is over the schedule applies again.
    fleet.tick(at(1, "20:05"));
    ORIGINAL
        .keySet()
        .forEach(name -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(new Sizes(0, 0, 1)));
  }

  @Test
  void aReleaseAlsoRestoresClustersTheConfigNoLongerSelects() {
    fleet.config(
        MotoFleet.CONFIG.replace(
            "{\"scheduler\"",
            "{\"targets\": {\"clusters\": {\"exclude\": [\"dev-1\"]}}, \"scheduler\""));

    fleet.release(at(0, "19:30"), Map.of("until", at(2, "00:00").toString()), false);

    ORIGINAL.forEach((name, s) -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(s));
    assertThat(MotoFleet.indexed(aws)).isEmpty();
  }

  @Test
  void aReleaseOfOneClusterPausesOnlyThatCluster() {
    fleet.release(at(0, "19:30"), Map.of("hours", 2, "cluster", "dev-1"), false);

    ORIGINAL.forEach((name, s) -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(s));
    assertThat(fleet.parameters().get(PAUSE))
        .isEqualTo("{\"clusters\":{\"dev-1\":\"" + at(0, "21:30") + "\"}}");
  }

  @Test
  void aDryRunReleasePlansThePauseAndTheRestoresAndChangesNothing() {
    Map<String, Object> report = fleet.release(at(0, "20:00"), Map.of("hours", 1), true);

    assertThat(report.get("planned").toString()).contains("PauseScaleDowns").contains("Restore");
    assertThat(fleet.recorder.mutations()).isEmpty();
    assertThat(fleet.parameters()).doesNotContainKey(PAUSE);
    ORIGINAL
        .keySet()
        .forEach(name -> assertThat(fleet.sizes("dev-1", name)).isEqualTo(new Sizes(0, 0, 1)));
  }

  @Test
  void aBadReleaseNamesTheFieldAndChangesNothing() {
    Instant now = at(0, "20:00");
    Map<Map<String, Object>, String> bad =
        Map.of(
            Map.of(), "detail.until or detail.hours: one is required",
            Map.of("until", "tomorrow"), "detail.until: must be an ISO-8601 time",
            Map.of("until", now.minusSeconds(60).toString()), "detail.until: must be after",
            Map.of("hours", 0), "detail.hours: must be between 1 and 8784",
            Map.of("hours", 2, "until", now.plusSeconds(3600).toString()),
                "detail: give until or hours, not both",
            Map.of("hours", 2, "cluster", " "), "detail.cluster: must not be empty");
    bad.forEach(
        (detail, reason) -> {
          Map<String, Object> report = fleet.release(now, detail, false);
          assertThat(report.get("status")).as(detail.toString()).isEqualTo("ignored");
          assertThat(report.get("reason").toString()).as(detail.toString()).contains(reason);
          assertThat(fleet.recorder.calls()).as(detail.toString()).isEmpty();
        });
    assertThat(fleet.parameters()).doesNotContainKey(PAUSE);
  }
}
