package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Fleet;
import dev.ekssteward.shared.aws.Target;
import dev.ekssteward.shared.config.ClusterFilter;
import dev.ekssteward.shared.config.StewardConfig;
import dev.ekssteward.shared.event.Triggers;
import dev.ekssteward.shared.metrics.MetricsNamespace;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.EmittedMetrics;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A run builds only the clients it uses: no STS without member accounts, no SQS without fan-out.
 * And what it does build comes from {@link Settings}, the namespace of its metrics line included.
 */
class LazyClientsIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  private static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());

  private final CallRecorder calls = new CallRecorder("lazy-test");

  /** Lists the target's clusters (one scope each) and plans nothing. */
  record Lister(Fleet fleet) implements Controller<String> {
    public Declaration declaration() {
      return new Declaration("lister", Triggers.none().ticks(), config -> 1);
    }

    public List<String> clusters(Target target) {
      return fleet.clusterNames(target, new ClusterFilter(List.of("*"), List.of()));
    }

    public String observe(Scope scope, StewardConfig config) {
      return scope.cluster();
    }

    public Plan plan(
        Scope scope, String observed, StewardConfig config, Instant now, List<Outcome> earlier) {
      return Plan.of(List.of(), List.of());
    }
  }

  @Test
  void aHomeOnlyTickWithTheFanOutQueueSetBuildsNeitherStsNorSqs() {
    aws.eks(); // moto is up; the home account has no clusters and no config: defaults
    Settings base = aws.settings(true);
    Settings settings =
        new Settings(
            base.configPrefix(),
            true,
            base.auditBus(),
            base.region(),
            base.endpoint(),
            null,
            "https://sqs.eu-west-1.amazonaws.com/123456789012/fan-out",
            2,
            null,
            null,
            MetricsNamespace.DEFAULT);
    AwsClients clients = new AwsClients(settings, "lister", List.of(calls), Waits.none().backoff());
    Pipeline<String> pipeline = lister(clients);

    Map<String, Object> report = pipeline.run(TICK, Invocation.from(new TestContext("lister")));

    assertThat(report).containsEntry("status", "ok");
    assertThat(calls.calls()).containsExactly("ssm:GetParameter", "eks:ListClusters");
    assertThat(clients.built())
        .containsExactlyInAnyOrder("ssm@self/eu-west-1", "eks@self/eu-west-1");
  }

  @Test
  void theMetricsLineGoesToTheNamespaceTheEnvironmentNames() {
    aws.eks();
    Map<String, String> env = new HashMap<>(aws.environment(true));
    env.put(MetricsNamespace.VARIABLE, "EksSteward/staging");
    Settings settings = Settings.from(env);
    AwsClients clients = new AwsClients(settings, "lister", List.of(calls), Waits.none().backoff());
    Map<String, Object> notForLister =
        Map.of(
            "detail-type", "AWS API Call via CloudTrail", "source", "aws.eks", "detail", Map.of());
    int mark = EmittedMetrics.mark();

    // Ignoring an event is counted (EventsIgnored), so the run prints a metrics line.
    lister(clients).run(notForLister, Invocation.from(new TestContext("lister")));

    assertThat(EmittedMetrics.since(mark))
        .isNotEmpty()
        .allSatisfy(
            doc -> assertThat(doc.get("_aws").toString()).contains("Namespace=EksSteward/staging"));
  }

  private static Pipeline<String> lister(AwsClients clients) {
    return PipelineTestSupport.wire(
        new Lister(new Fleet(clients)),
        Set.of(),
        clients,
        Clock.systemUTC(),
        new FanOut(clients),
        null);
  }
}
