package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * The scripted keeper fleet the shared reliability tests run: three "clusters" whose sizes live in
 * SSM. Its LocalAws only builds clients (the moto server is static); each test class registers its
 * own LocalAws extension, which starts and resets moto.
 */
final class KeeperFleet {
  static final LocalAws aws = new LocalAws();

  private KeeperFleet() {}

  static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());
  static final Map<String, String> SEEDED = Map.of("a", "3", "b", "5", "c", "2");

  static Pipeline<ParameterKeeper.Observed> keeper(
      boolean recordFirst, List<ExecutionInterceptor> interceptors) {
    Settings settings = aws.settings(false);
    AwsClients clients = new AwsClients(settings, "keeper", interceptors, Waits.none().backoff());
    ParameterKeeper keeper = new ParameterKeeper(clients, recordFirst);
    return PipelineTestSupport.wire(
        keeper,
        keeper.executors(),
        clients,
        Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC));
  }

  static Map<String, Object> tick(boolean recordFirst, List<ExecutionInterceptor> interceptors) {
    return keeper(recordFirst, interceptors).run(TICK, Invocation.from(new TestContext("keeper")));
  }

  static void seed() {
    aws.seeder().seed(sizes());
  }

  /** Each cluster's size, as the keeper reads it. */
  static FleetSeed sizes() {
    FleetSeed fleet = FleetSeed.fleet();
    for (Map.Entry<String, String> c : SEEDED.entrySet()) {
      fleet = fleet.parameter("/fleet/" + c.getKey() + "/size", c.getValue());
    }
    return fleet;
  }

  /** cluster → size/original, as stored. */
  static Map<String, String> state() {
    SsmClient ssm = aws.ssm();
    Map<String, String> out = new TreeMap<>();
    for (String c : ParameterKeeper.CLUSTERS) {
      out.put(c, get(ssm, "/fleet/" + c + "/size") + "/" + get(ssm, "/fleet/" + c + "/original"));
    }
    return out;
  }

  static String get(SsmClient ssm, String name) {
    try {
      return ssm.getParameter(r -> r.name(name)).parameter().value();
    } catch (ParameterNotFoundException e) {
      return null;
    }
  }

  /** Never lose an original: a scaled-down cluster has its seeded size recorded. */
  static void originalsKept(Map<String, String> state) {
    state.forEach(
        (c, v) -> {
          String[] parts = v.split("/");
          if (parts[0].equals("0")) {
            assertThat(parts[1]).as("original of " + c).isEqualTo(SEEDED.get(c));
          }
        });
  }

  static CrashMatrix.Scenario<Map<String, String>> scenario(boolean recordFirst, String name) {
    return new CrashMatrix.Scenario<>() {
      public String name() {
        return name;
      }

      public void seed() {
        KeeperFleet.seed();
      }

      public List<CrashMatrix.Step> steps() {
        return List.of(i -> tick(recordFirst, i));
      }

      public Map<String, String> state() {
        return KeeperFleet.state();
      }

      public void invariants(Map<String, String> state) {
        originalsKept(state);
      }
    };
  }

  /** Seeds the config document. */
  static void config(String json) {
    aws.seeder().seed(FleetSeed.fleet().config(json));
  }

  /** SSM of another moto account, reached the way the function does: by assuming its role. */
  static SsmClient memberSsm(String roleArn) {
    return aws.member(roleArn, SsmClient.builder());
  }

  static boolean isTick(Map<String, Object> event) {
    return dev.ekssteward.shared.event.Deliveries.read(event)
        instanceof dev.ekssteward.shared.event.Trigger.ScheduleTick;
  }
}
