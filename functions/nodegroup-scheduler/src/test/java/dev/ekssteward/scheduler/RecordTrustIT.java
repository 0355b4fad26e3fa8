package dev.ekssteward.scheduler;

import static dev.ekssteward.scheduler.MotoFleet.CONFIG;
import static dev.ekssteward.scheduler.MotoFleet.ORIGINAL;
import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import dev.ekssteward.shared.trust.Trust;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Someone who may only tag node groups cannot make the scheduler scale them: against moto, with the
 * stack's record key in moto's KMS (GenerateMac/VerifyMac), through the real handler.
 */
class RecordTrustIT {
  /** While the migration from the versions before signing is still going on. */
  private static final String MIGRATING =
      CONFIG.replace(
          "{\"scheduler\": {",
          "{\"scheduler\": {\"acceptUnsignedRecordsUntil\": \"2099-01-01T00:00:00Z\", ");

  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Sizes NIGHT = new Sizes(0, 0, 1);
  static final String FORGED = "400-400-450@2026-11-25T18:05Z max=1";

  private MotoFleet fleet;

  @BeforeEach
  void fleet() {
    // Lifecycle states are on: each run waits out the last one's transitions, as the minutes
    // between two ticks would; these tests are about which records a run acts on.
    fleet = new MotoFleet(aws).settling();
  }

  private static ClusterSeed dev1(String group, Sizes sizes, Map<String, String> tags) {
    return cluster("dev-1")
        .tags(Map.of(Contract.SCHEDULE_TAG, "office"))
        .nodegroup(MotoFleet.group(group, sizes, tags));
  }

  private String arn(String group) {
    return fleet.describe("dev-1", group).nodegroupArn();
  }

  @Test
  void aForgedRecordOnADownGroupIsReportedInDryRunAndNotRestored() {
    fleet.seed(
        MotoFleet.fleet()
            .config(CONFIG)
            .cluster(dev1("web", NIGHT, Map.of(Contract.ORIGINAL_SCALING_TAG, FORGED))));

    Map<String, Object> dry =
        fleet.run(MotoFleet.at(1, "07:05"), MotoFleet.tickEvent(MotoFleet.at(1, "07:05")), true);
    assertThat(dry.get("planned").toString()).doesNotContain("Restore");
    assertThat(dry.get("findings").toString()).contains(Trust.NOT_TRUSTED).contains("unsigned");

    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(NIGHT);
    assertThat(fleet.sent.updates()).isEmpty();
    assertThat(fleet.recorder.mutations())
        .as("only the record index notes the cluster holding a record")
        .containsOnly("ssm:PutParameter");
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.resources()).containsExactly(arn("web"));
              assertThat(a.detail())
                  .containsEntry("value", FORGED)
                  .containsEntry("reason", "unsigned");
            });
  }

  @Test
  void aWrongMacIsReportedAndNotRestored() {
    String wrong = FORGED + " mac=v1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    fleet.seed(
        MotoFleet.fleet()
            .config(CONFIG)
            .cluster(dev1("web", NIGHT, Map.of(Contract.ORIGINAL_SCALING_TAG, wrong))));

    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(NIGHT);
    assertThat(fleet.sent.updates()).isEmpty();
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(a -> assertThat(a.detail()).containsEntry("reason", "bad signature"));
  }

  @Test
  void aRecordCopiedFromAnotherGroupDoesNotVerify() {
    ClusterSeed dev1 = cluster("dev-1").tags(Map.of(Contract.SCHEDULE_TAG, "office"));
    for (String g : List.of("web", "batch")) {
      dev1 = dev1.nodegroup(MotoFleet.group(g, ORIGINAL.get(g), Map.of()));
    }
    fleet.seed(MotoFleet.fleet().config(CONFIG).cluster(dev1));
    fleet.tick(MotoFleet.at(0, "19:05"));
    String webRecord = fleet.tags("dev-1", "web").get(Contract.ORIGINAL_SCALING_TAG);
    aws.eks()
        .tagResource(
            r ->
                r.resourceArn(arn("batch")).tags(Map.of(Contract.ORIGINAL_SCALING_TAG, webRecord)));

    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.sizes("dev-1", "batch")).isEqualTo(NIGHT);
    assertThat(fleet.sent.updates()).noneMatch(u -> u.nodegroupName().equals("batch"));
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.resources()).containsExactly(arn("batch"));
              assertThat(a.detail()).containsEntry("reason", "bad signature");
            });
  }

  @Test
  void anEarlierVersionsRecordThatAgreesIsResignedAndRestored() {
    String legacy = MotoFleet.at(0, "19:05").toString().substring(0, 16) + "Z";
    fleet.seed(
        MotoFleet.fleet()
            .config(MIGRATING)
            .cluster(
                dev1(
                    "web",
                    new Sizes(0, 0, 5),
                    Map.of(Contract.ORIGINAL_SCALING_TAG, "2-3-5@" + legacy))));

    fleet.tick(MotoFleet.at(0, "23:00"));

    assertThat(fleet.tags("dev-1", "web").get(Contract.ORIGINAL_SCALING_TAG))
        .matches("2-3-5@" + legacy + " max=5 mac=v1\\.[A-Za-z0-9_-]{43}");
    assertThat(fleet.sent.audits("Size Record Re-signed")).hasSize(1);
    assertThat(fleet.sent.updates()).isEmpty();

    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(2, 3, 5));
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED)).isEmpty();
  }

  @Test
  void anEarlierVersionsRecordThatDoesNotAgreeIsReported() {
    String legacy = "400-400-450@2026-11-25T18:05Z";
    fleet.seed(
        MotoFleet.fleet()
            .config(MIGRATING)
            .cluster(dev1("web", NIGHT, Map.of(Contract.ORIGINAL_SCALING_TAG, legacy))));

    fleet.tick(MotoFleet.at(0, "23:00"));
    assertThat(fleet.recorder.mutations())
        .as("only the record index notes the cluster holding a record")
        .containsOnly("ssm:PutParameter");
    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(NIGHT);
    assertThat(fleet.tags("dev-1", "web")).containsEntry(Contract.ORIGINAL_SCALING_TAG, legacy);
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(a -> assertThat(a.detail().get("reason").toString()).contains("does not agree"));
  }

  @Test
  void anUnsignedRecordOnAScaleFromZeroGroupIsNotRestoredByDefault() {
    // Someone who may only tag writes sizes a 0-0-8 group never had; they agree with it.
    String forged = "8-8-8@2026-01-01T00:00Z";
    fleet.seed(
        MotoFleet.fleet()
            .config(CONFIG)
            .cluster(
                dev1("web", new Sizes(0, 0, 8), Map.of(Contract.ORIGINAL_SCALING_TAG, forged))));

    fleet.tick(MotoFleet.at(0, "23:00"));
    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(new Sizes(0, 0, 8));
    assertThat(fleet.tags("dev-1", "web")).containsEntry(Contract.ORIGINAL_SCALING_TAG, forged);
    assertThat(fleet.sent.updates()).isEmpty();
    assertThat(fleet.sent.audits("Size Record Re-signed")).isEmpty();
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail().get("reason").toString())
                    .contains("scheduler.acceptUnsignedRecordsUntil is not set"));
  }

  @Test
  void aRestoreOverTheCapIsRefusedAndReported() {
    String capped =
        CONFIG.replace("{\"scheduler\": {", "{\"scheduler\": {\"maxRestoreNodes\": 4, ");
    fleet.seed(
        MotoFleet.fleet().config(CONFIG).cluster(dev1("web", ORIGINAL.get("web"), Map.of())));
    fleet.tick(MotoFleet.at(0, "19:05"));
    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(NIGHT);
    fleet.config(capped);

    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(NIGHT);
    assertThat(fleet.sent.updates()).isEmpty();
    assertThat(fleet.tags("dev-1", "web")).containsKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(fleet.sent.audits("Nodegroup Over Restore Cap"))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail())
                    .containsEntry("maxRestoreNodes", BigDecimal.valueOf(4))
                    .containsEntry(
                        "sizes",
                        Map.of(
                            "minSize", BigDecimal.valueOf(2),
                            "desiredSize", BigDecimal.valueOf(3),
                            "maxSize", BigDecimal.valueOf(5))));
  }

  @Test
  void withoutTheRecordKeyNothingIsScaledDown() {
    // Seeded without the key: GenerateMac finds no such key, so no unsigned record is written.
    aws.seeder()
        .seed(MotoFleet.fleet().config(CONFIG).cluster(dev1("web", ORIGINAL.get("web"), Map.of())));

    Map<String, Object> evening = fleet.tick(MotoFleet.at(0, "19:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(ORIGINAL.get("web"));
    assertThat(fleet.tags("dev-1", "web")).doesNotContainKey(Contract.ORIGINAL_SCALING_TAG);
    assertThat(evening.toString()).contains("could not sign the size record, so did not scale");
  }

  @Test
  void aDisabledKeyRestoresNothingAndSaysWhy() {
    fleet.seed(
        MotoFleet.fleet().config(CONFIG).cluster(dev1("web", ORIGINAL.get("web"), Map.of())));
    fleet.tick(MotoFleet.at(0, "19:05"));
    RecordKeys.disable(aws);

    fleet.tick(MotoFleet.at(1, "07:05"));

    assertThat(fleet.sizes("dev-1", "web")).isEqualTo(NIGHT);
    assertThat(fleet.sent.updates()).isEmpty();
    assertThat(fleet.sent.audits(Trust.NOT_TRUSTED))
        .singleElement()
        .satisfies(
            a ->
                assertThat(a.detail().get("reason").toString())
                    .startsWith("cannot verify: the record key refused (DisabledException)"));
  }
}
