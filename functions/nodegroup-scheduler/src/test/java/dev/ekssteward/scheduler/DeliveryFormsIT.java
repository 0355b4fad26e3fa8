package dev.ekssteward.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.ekssteward.scheduler.eks.Sizes;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.ClusterSeed;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scheduler's sample events, loaded into ScheduledEvent the way the Lambda runtime does
 * (aws-lambda-java-tests' EventLoader), give the same report as the bytes our own reader types.
 */
class DeliveryFormsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Clock EVENING =
      Clock.fixed(Instant.parse("2026-11-25T18:05:00Z"), ZoneOffset.UTC);

  private final CallRecorder recorder = new CallRecorder("nodegroup-scheduler");

  @BeforeEach
  void seed() {
    new MotoFleet(aws)
        .seed(
            MotoFleet.fleet()
                .cluster(
                    ClusterSeed.cluster("dev-1")
                        .tags(Map.of(Contract.SCHEDULE_TAG, "Mon-Fri 07:00-19:00 Europe/Berlin"))
                        .nodegroup(MotoFleet.group("ng-a", new Sizes(1, 2, 5), Map.of()))));
  }

  private NodegroupSchedulerHandler handler() {
    return new NodegroupSchedulerHandler(
        DaggerSchedulerComponent.factory()
            .create(
                NodegroupScheduler.NAME,
                aws.settings(true),
                EVENING,
                Waits.none(),
                List.of(recorder)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "schedule-tick.json",
        "scheduler-create-nodegroup.json",
        "scheduler-wake.json",
        "scheduler-release.json"
      })
  void theLibrarysLoaderAndOurReaderGiveTheSameReport(String file) {
    ScheduledEvent loaded =
        EventLoader.loadScheduledEvent(EventFiles.directory().resolve(file).toString());

    Map<String, Object> viaLibrary = handler().handle(loaded, new TestContext("fn"));
    Map<String, Object> viaReader = handler().handle(EventFiles.load(file), new TestContext("fn"));

    assertThat(viaLibrary).isEqualTo(viaReader);
    assertThat(viaLibrary.get("status")).isIn("ok", "ignored", "refused");
    if (file.equals("scheduler-wake.json") || file.equals("scheduler-release.json")) {
      // A static file holds no fresh proof: sam local invoke shows what to add (local/request).
      assertThat(viaLibrary.get("status")).isEqualTo("refused");
      assertThat((String) viaLibrary.get("reason")).startsWith("detail.proof: is required");
    }
    assertThat(recorder.mutations()).isEmpty();
  }

  @Test
  void everySchedulerEventFileIsCovered() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(EventFiles.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .filteredOn(n -> n.startsWith("scheduler-"))
          .containsExactlyInAnyOrder(
              "scheduler-create-nodegroup.json", "scheduler-wake.json", "scheduler-release.json");
    }
  }
}
