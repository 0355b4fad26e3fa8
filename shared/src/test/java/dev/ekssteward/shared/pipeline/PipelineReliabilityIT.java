package dev.ekssteward.shared.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekssteward.shared.audit.AuditPublisher;
import dev.ekssteward.shared.aws.AwsClients;
import dev.ekssteward.shared.aws.Retry;
import dev.ekssteward.shared.config.ConfigLoader;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.runtime.Log;
import dev.ekssteward.shared.runtime.Settings;
import dev.ekssteward.shared.testing.AuditTap;
import dev.ekssteward.shared.testing.AuditTrail;
import dev.ekssteward.shared.testing.CallRecorder;
import dev.ekssteward.shared.testing.CrashMatrix;
import dev.ekssteward.shared.testing.Deliveries;
import dev.ekssteward.shared.testing.FaultInjector;
import dev.ekssteward.shared.testing.FaultInjector.Kind;
import dev.ekssteward.shared.testing.HostileInput;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.Overlap;
import dev.ekssteward.shared.testing.TestContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The reliability harness applied to a scripted controller with the scheduler's shape. */
class PipelineReliabilityIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final Map<String, Object> TICK =
      Map.of("detail-type", "Scheduled Event", "source", "aws.events", "detail", Map.of());
  static final Map<String, String> SEEDED = Map.of("a", "3", "b", "5", "c", "2");

  static Pipeline<ParameterKeeper.Observed> keeper(
      boolean recordFirst, List<ExecutionInterceptor> interceptors) {
    Settings settings = aws.settings(false);
    AwsClients clients = new AwsClients(settings, "keeper", interceptors);
    Retry retry = new Retry(6, Duration.ZERO, Duration.ZERO, d -> {});
    Log log = new Log("keeper");
    return new Pipeline<>(
        new ParameterKeeper(clients, retry, recordFirst),
        new ConfigLoader(clients, retry, Set.of()),
        new AuditPublisher(() -> clients.eventBridge(clients.home()), settings.auditBus(), log),
        settings,
        Clock.fixed(Instant.parse("2026-11-25T18:00:00Z"), ZoneOffset.UTC),
        d -> {},
        log);
  }

  static Map<String, Object> tick(boolean recordFirst, List<ExecutionInterceptor> interceptors) {
    return keeper(recordFirst, interceptors).run(TICK, Invocation.from(new TestContext("keeper")));
  }

  static void seed() {
    SsmClient ssm = aws.ssm();
    SEEDED.forEach(
        (c, v) ->
            ssm.putParameter(
                r -> r.name("/fleet/" + c + "/size").value(v).type("String").overwrite(true)));
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
        PipelineReliabilityIT.seed();
      }

      public List<CrashMatrix.Step> steps() {
        return List.of(i -> tick(recordFirst, i));
      }

      public Map<String, String> state() {
        return PipelineReliabilityIT.state();
      }

      public void invariants(Map<String, String> state) {
        originalsKept(state);
      }
    };
  }

  @Test
  void crashAtEveryCallConvergesAndAuditsEachChangeOnce() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.standardKinds()).run(scenario(true, "shared-keeper"));

    result.assertPassed();
    // 1 config read + 1 describe + 3 clusters x (2 reads + 2 writes), four kinds each
    assertThat(result.calls()).isEqualTo(14);
    assertThat(result.combinations()).isEqualTo(14 * 4);
  }

  @Test
  void aChangeMadeBeforeItsScopeFailedIsStillAudited() {
    seed();
    AuditTap.createBus(aws);
    AuditTap tap = new AuditTap();
    // The first write (some cluster's RecordOriginal) succeeds, every write after it fails.
    FaultInjector crash = FaultInjector.crashAt(2, Kind.SERVER_ERROR).mutationsOnly();

    assertThatThrownBy(() -> tick(true, List.of(crash, tap)))
        .isInstanceOf(TransientFailureException.class);

    assertThat(state().values()).filteredOn(v -> !v.endsWith("/null")).hasSize(1);
    assertThat(tap.drain())
        .singleElement()
        .satisfies(d -> assertThat(d.detailType()).isEqualTo("Original Recorded"));
  }

  @Test
  void aBlipAtAnyCallIsAbsorbedByTheRetriesWithinOneRun() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, CrashMatrix.blipKinds())
            .rotatingKinds()
            .blips(scenario(true, "shared-keeper"));

    result.assertPassed();
    assertThat(result.combinations()).isEqualTo(Boolean.getBoolean("reliability.full") ? 42 : 14);
  }

  @Test
  void theMatrixCatchesAControllerThatChangesBeforeRecording() throws Exception {
    CrashMatrix.Result result =
        new CrashMatrix(aws, List.of(Kind.SERVER_ERROR))
            .mutationsOnly()
            .run(scenario(false, "shared-keeper-buggy"));

    // Crashing right after a scale-down (before its record) loses that cluster's original.
    assertThat(result.failures())
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f).contains("original of"));
    assertThat(result.failures())
        .anySatisfy(f -> assertThat(f).startsWith("crash at call 2 ssm:PutParameter "));
  }

  @Test
  void duplicatedAndReversedTicksEndTheSameWithoutDuplicateChanges() throws Exception {
    Deliveries.Fleet<Map<String, String>> fleet =
        new Deliveries.Fleet<>() {
          public void seed() {
            PipelineReliabilityIT.seed();
          }

          public Map<String, Object> deliver(
              Map<String, Object> event, List<ExecutionInterceptor> interceptors) {
            return keeper(true, interceptors).run(event, Invocation.from(new TestContext("k")));
          }

          public Map<String, String> state() {
            return PipelineReliabilityIT.state();
          }
        };
    Map<String, Object> direct = Map.of("trigger", "schedule");

    new Deliveries(aws).assertSameOutcome(fleet, List.of(TICK, direct));

    Deliveries.Run<Map<String, String>> once =
        new Deliveries(aws).run("once", fleet, List.of(TICK, direct));
    assertThat(once.changes()).hasSize(6).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
  }

  @Test
  void twoOverlappingInvocationsLoseNoOriginalAndAuditEveryChange() throws Exception {
    seed();
    AuditTrail trail = AuditTrail.create(aws);

    AuditTap tap = new AuditTap();

    List<Overlap.Outcome<Map<String, Object>>> outcomes =
        Overlap.together(() -> tick(true, List.of(tap)), () -> tick(true, List.of(tap)));

    assertThat(outcomes).noneMatch(Overlap.Outcome::failed);
    assertThat(state())
        .containsExactlyEntriesOf(new TreeMap<>(Map.of("a", "0/3", "b", "0/5", "c", "0/2")));
    List<String> types = trail.drainTypes();
    // The fast tap the matrix uses sees exactly what the bus delivered.
    assertThat(tap.drain().stream().map(AuditTrail.Delivered::detailType).toList())
        .containsExactlyInAnyOrderElementsOf(types);
    // Each change is audited by at least one invocation, by both only when both made it.
    assertThat(types.stream().filter("Scaled Down"::equals).count()).isBetween(3L, 6L);
    assertThat(types.stream().filter("Original Recorded"::equals).count()).isBetween(3L, 6L);
  }

  @Test
  void aThrottlingBurstDelaysButDoesNotFailTheRun() {
    seed();
    FaultInjector burst = FaultInjector.burstAt(3, 5, Kind.THROTTLE);
    CallRecorder calls = new CallRecorder("keeper");

    Map<String, Object> report = tick(true, List.of(burst, calls));

    assertThat(report).containsEntry("status", "ok");
    assertThat(burst.faulted()).hasSize(5).allSatisfy(f -> assertThat(f).endsWith("THROTTLE"));
    assertThat(state())
        .containsEntry("a", "0/3")
        .containsEntry("b", "0/5")
        .containsEntry("c", "0/2");
  }

  @Test
  void anAccountThatCannotBeAssumedIsReportedAndSkippedWhileOthersProceed() {
    String denied = "arn:aws:iam::111111111111:role/steward";
    String allowed = "arn:aws:iam::222222222222:role/steward";
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .type("String")
                    .value(
                        Json.write(
                            Map.of(
                                "targets",
                                Map.of(
                                    "accounts",
                                    List.of(
                                        Map.of("accountId", "111111111111", "roleArn", denied),
                                        Map.of(
                                            "accountId", "222222222222", "roleArn", allowed)))))));
    seed();
    SsmClient member = memberSsm(allowed);
    SEEDED.forEach(
        (c, v) ->
            member.putParameter(r -> r.name("/fleet/" + c + "/size").value(v).type("String")));
    FaultInjector deny =
        FaultInjector.always(
            Kind.ACCESS_DENIED,
            c ->
                c.action().equals("sts:AssumeRole")
                    && c.field("RoleArn").orElse("").equals(denied));

    Map<String, Object> report = tick(true, List.of(deny));

    assertThat(report).containsEntry("status", "partial");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) report.get("errors");
    assertThat(errors)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e).containsEntry("scope", "111111111111/eu-west-1");
              assertThat(e).containsEntry("retryable", false);
            });
    assertThat(state()).containsEntry("a", "0/3").containsEntry("c", "0/2");
    assertThat(get(member, "/fleet/b/size")).isEqualTo("0");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> applied = (List<Map<String, Object>>) report.get("applied");
    // home and the allowed account: 3 clusters x 2 actions each
    assertThat(applied).hasSize(12);
  }

  @Test
  void anUnreachableEndpointIsRetriedByThrowingAfterTheOthersWereDone() {
    seed();
    aws.ssm()
        .putParameter(
            r ->
                r.name("/eks-steward/config")
                    .type("String")
                    .value("{\"targets\":{\"regions\":[\"eu-west-1\",\"us-west-2\"]}}"));
    FaultInjector down =
        FaultInjector.always(Kind.ENDPOINT_DOWN, c -> "us-west-2".equals(c.region()));

    assertThatThrownBy(() -> tick(true, List.of(down)))
        .isInstanceOf(TransientFailureException.class)
        .hasMessageContaining("Connection refused");
    assertThat(state()).containsEntry("a", "0/3").containsEntry("b", "0/5");
  }

  @Test
  void aConfigThatCannotBeReadMakesTheRunThrowSoLambdaRetriesItChangingNothing() {
    seed();
    FaultInjector failing =
        FaultInjector.always(Kind.SERVER_ERROR, c -> c.action().equals("ssm:GetParameter"));
    CallRecorder calls = new CallRecorder("keeper");

    assertThatThrownBy(() -> tick(true, List.of(failing, calls)))
        .satisfies(e -> assertThat(Retry.isRetryable(e)).isTrue());
    assertThat(calls.mutations()).isEmpty();
    // Every SDK attempt of each of the config loader's 6 Retry attempts failed.
    assertThat(failing.faulted()).hasSizeGreaterThanOrEqualTo(6 * 2);
  }

  @Test
  void hostileEventsAreReportedWithoutAnyMutationInBoundedTime() {
    seed();
    List<Map<String, Object>> samples =
        List.of(
            TICK,
            Map.of(
                "detail-type", "Wake Request",
                "source", "eks-steward.requests",
                "detail", Map.of("cluster", "dev-1", "minutes", 30)),
            Map.of(
                "detail-type", "Parameter Store Change",
                "source", "aws.ssm",
                "detail", Map.of("name", "/eks-steward/config", "operation", "Update")));
    List<String> statuses = new ArrayList<>();

    int tried =
        HostileInput.check(
            HostileInput.events(samples).filter(e -> !isTick(e)),
            200,
            9001L,
            2000,
            event -> {
              CallRecorder calls = new CallRecorder("keeper-fuzz");
              Map<String, Object> report =
                  keeper(true, List.of(calls)).run(event, Invocation.from(new TestContext("k")));
              statuses.add((String) report.get("status"));
              assertThat(report.get("status")).isIn("ignored", "invalid-config", "ok");
              assertThat(calls.mutations()).isEmpty();
            });

    assertThat(tried).isEqualTo(200);
    assertThat(statuses).contains("ignored");
  }

  @Test
  void hostileConfigDocumentsChangeNothingWhenRejected() {
    seed();
    Map<String, Object> valid =
        Json.parseObject(
            "{\"targets\":{\"regions\":[\"eu-west-1\"],\"clusters\":{\"include\":[\"*\"]}},"
                + "\"scheduler\":{\"maxConcurrency\":2,\"schedules\":{\"o\":{\"timezone\":\"UTC\","
                + "\"uptime\":[\"Mon-Fri 07:00-19:00\"]}}}}");
    List<String> statuses = new ArrayList<>();

    HostileInput.check(
        HostileInput.documents(valid),
        200,
        9002L,
        2000,
        doc -> {
          aws.ssm()
              .putParameter(
                  r -> r.name("/eks-steward/config").type("String").value(doc).overwrite(true));
          CallRecorder calls = new CallRecorder("keeper-fuzz");
          Map<String, Object> report;
          try {
            report = keeper(true, List.of(calls)).run(TICK, Invocation.from(new TestContext("k")));
          } finally {
            seed(); // restore the sizes a valid document let the keeper change
          }
          String status = (String) report.get("status");
          statuses.add(status);
          assertThat(status).isIn("invalid-config", "ok");
          if (status.equals("invalid-config")) {
            assertThat(calls.mutations()).isEmpty();
            assertThat((String) report.get("reason")).startsWith("invalid /eks-steward/config");
          }
        });

    assertThat(statuses).contains("invalid-config", "ok");
  }

  /** SSM of another moto account, reached the way the function does: by assuming its role. */
  static SsmClient memberSsm(String roleArn) {
    StsClient sts = aws.client(StsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    Credentials c = sts.assumeRole(r -> r.roleArn(roleArn).roleSessionName("seed")).credentials();
    return SsmClient.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .region(Region.of(LocalAws.REGION))
        .endpointOverride(aws.endpoint())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsSessionCredentials.create(
                    c.accessKeyId(), c.secretAccessKey(), c.sessionToken())))
        .build();
  }

  static boolean isTick(Map<String, Object> event) {
    return dev.ekssteward.shared.event.TriggerParser.parse(event)
        instanceof dev.ekssteward.shared.event.Trigger.ScheduleTick;
  }
}
