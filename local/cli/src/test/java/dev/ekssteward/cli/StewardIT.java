package dev.ekssteward.cli;

import static dev.ekssteward.shared.testing.seed.ClusterSeed.cluster;
import static dev.ekssteward.shared.testing.seed.NodegroupSeed.nodegroup;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ekssteward.scheduler.DaggerSchedulerComponent;
import dev.ekssteward.scheduler.NodegroupScheduler;
import dev.ekssteward.shared.Contract;
import dev.ekssteward.shared.json.Json;
import dev.ekssteward.shared.pipeline.Invocation;
import dev.ekssteward.shared.request.ProofQuery;
import dev.ekssteward.shared.runtime.Waits;
import dev.ekssteward.shared.testing.EventFiles;
import dev.ekssteward.shared.testing.LocalAws;
import dev.ekssteward.shared.testing.RecordKeys;
import dev.ekssteward.shared.testing.TestContext;
import dev.ekssteward.shared.testing.seed.FleetSeed;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * local/steward against the local AWS, on a fleet the shared seeder made and the scheduler itself
 * ran on (its production component, in this JVM): what status, explain and wake show and send
 * agrees with what the scheduler does.
 */
class StewardIT {
  @RegisterExtension static final LocalAws aws = new LocalAws();

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String CONFIG =
      """
      {"scheduler": {"schedules": {"office-hours": {"timezone": "Europe/Berlin",
        "uptime": ["Mon-Fri 07:00-19:00"]}}}}
      """;

  /** A Monday over a week away: the groups, created now, are past their grace period. */
  static final LocalDate MONDAY =
      LocalDate.now(ZoneOffset.UTC).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

  static final Instant EVENING = at(0, "20:00");

  @TempDir Path dir;

  static Instant at(int days, String time) {
    return MONDAY.plusDays(days).atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }

  @BeforeEach
  void fleet() {
    RecordKeys.ensure(aws);
    aws.seeder()
        .seed(
            FleetSeed.fleet()
                .auditBus("eks-steward-audit")
                .config(CONFIG)
                .cluster(
                    cluster("dev-1")
                        .nodegroup(
                            nodegroup("web")
                                .scaling(2, 3, 5)
                                .tags(Map.of(Contract.SCHEDULE_TAG, "office-hours")))
                        .nodegroup(nodegroup("batch").scaling(1, 1, 2))));
  }

  @Test
  void explainAtAnEveningTimeSaysWhatTheSchedulerThenDoes() {
    Cli explain =
        Cli.against(aws, Instant.now(), "explain", "dev-1/web", "--at", EVENING.toString());
    assertThat(explain.exit()).as(explain.stderr()).isZero();
    assertThat(explain.stdout())
        .contains(
            "schedule: office-hours from the group's tag (nodegroup tag eks-steward/schedule)")
        .contains(
            "the scheduler would: scale down at 19:00 by schedule office-hours from the group's"
                + " tag: to min 0 / desired 0 / max 1, recording 2-3-5");

    tick(EVENING);
    assertThat(sizes("web")).isEqualTo(List.of(0, 0, 1));
    assertThat(sizes("batch")).isEqualTo(List.of(1, 1, 2));

    aws.settle();
    Cli morning =
        Cli.against(aws, at(1, "07:05"), "explain", "dev-1/web", "--record-key", RecordKeys.ALIAS);
    assertThat(morning.stdout())
        .contains("record (signed)")
        .contains(
            "the scheduler would: restore to min 2 / desired 3 / max 5 (inside the schedule's"
                + " uptime) by schedule office-hours from the group's tag");

    Cli missing = Cli.against(aws, Instant.now(), "explain", "dev-1/nope");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.stderr()).contains("no node group dev-1/nope in " + LocalAws.REGION);
  }

  /** A group the config's targets leave out: explain says so, as a tick's routing skips it. */
  @Test
  void explainOfAGroupOutsideTheTargetsSaysSoAndPlansNothing() throws Exception {
    Cli cluster = explainAtEveningWithTargets("{\"clusters\": {\"exclude\": [\"dev-*\"]}}");
    Cli region = explainAtEveningWithTargets("{\"regions\": [\"eu-central-1\"]}");

    assertThat(cluster.exit()).as(cluster.stderr()).isEqualTo(1);
    assertThat(cluster.stderr())
        .contains(
            "dev-1/web is not in the scheduler's scope: targets.clusters does not select dev-1;"
                + " ticks leave it alone");
    assertThat(cluster.stdout()).doesNotContain("the scheduler would");
    assertThat(region.exit()).as(region.stderr()).isEqualTo(1);
    assertThat(region.stderr())
        .contains("targets.regions [eu-central-1] does not include " + LocalAws.REGION);
  }

  /** explain dev-1/web at the evening, with the test's config plus {@code targets}. */
  private Cli explainAtEveningWithTargets(String targets) throws Exception {
    Path config = Files.createTempFile(dir, "config", ".json");
    Files.writeString(
        config, CONFIG.replace("{\"scheduler\"", "{\"targets\": " + targets + ", \"scheduler\""));
    return Cli.against(
        aws,
        Instant.now(),
        "explain",
        "dev-1/web",
        "--at",
        EVENING.toString(),
        "--config",
        config.toString());
  }

  /**
   * With the Cluster Autoscaler pause on, explain observes as the scheduler does (the discovery
   * tags on the group's Auto Scaling group) and says it takes them off; the scheduler's evening run
   * then does just that.
   */
  @Test
  void explainWithTheAutoscalerPauseSaysItTakesTheDiscoveryTagsOff() {
    seedAutoscalerPause(aws);
    String asg =
        aws.eks()
            .describeNodegroup(r -> r.clusterName("dev-2").nodegroupName("api"))
            .nodegroup()
            .resources()
            .autoScalingGroups()
            .get(0)
            .name();

    Cli explain =
        Cli.against(aws, Instant.now(), "explain", "dev-2/api", "--at", EVENING.toString());
    assertThat(explain.exit()).as(explain.stderr()).isZero();
    assertThat(explain.stdout())
        .contains(
            "the scheduler would: take Cluster Autoscaler's discovery tags off "
                + asg
                + " (the record keeps them), so it leaves the group alone at night")
        .contains("the scheduler would: scale down at 19:00 by schedule office-hours");

    tick(EVENING);
    aws.settle();
    var autoscaling =
        aws.client(
            software.amazon.awssdk.services.autoscaling.AutoScalingClient.builder()
                .httpClient(UrlConnectionHttpClient.create()));
    assertThat(
            autoscaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames(asg))
                .autoScalingGroups()
                .get(0)
                .tags())
        .noneMatch(t -> t.key().startsWith("k8s.io/cluster-autoscaler/"));
  }

  /** dev-2/api on office-hours, Cluster Autoscaler's discovery tags on its ASG, the pause on. */
  static void seedAutoscalerPause(LocalAws aws) {
    aws.seeder()
        .seed(
            FleetSeed.fleet()
                .config(
                    """
                    {"scheduler": {"clusterAutoscaler": "pause",
                      "schedules": {"office-hours": {"timezone": "Europe/Berlin",
                      "uptime": ["Mon-Fri 07:00-19:00"]}}}}
                    """)
                .cluster(
                    cluster("dev-2")
                        .nodegroup(
                            nodegroup("api")
                                .scaling(1, 2, 3)
                                .tags(Map.of(Contract.SCHEDULE_TAG, "office-hours"))
                                .autoScalingGroup(
                                    Map.of(
                                        "k8s.io/cluster-autoscaler/enabled", "true",
                                        "k8s.io/cluster-autoscaler/dev-2", "owned")))));
  }

  @Test
  @SuppressWarnings("unchecked")
  void statusShowsTheGroupTheSchedulerTookDownAndItsRecord() {
    tick(EVENING);
    aws.settle();
    Instant later = at(0, "21:00");

    Cli status = Cli.against(aws, later, "status", "--output", "json");
    assertThat(status.exit()).as(status.stderr()).isZero();
    assertThat(status.stderr()).contains("scanned 1/1 clusters");
    List<Map<String, Object>> groups = (List<Map<String, Object>>) status.json().get("nodegroups");
    assertThat(groups).hasSize(1); // batch has no schedule: not a scheduled group
    assertThat(groups.get(0))
        .containsEntry("cluster", "dev-1")
        .containsEntry("nodegroup", "web")
        .containsEntry("schedule", "office-hours")
        .containsEntry("scheduleSource", "tag")
        .containsEntry("state", "down")
        .containsEntry("downSince", EVENING.toString())
        .containsEntry("recordedSizes", "2-3-5")
        .containsEntry("nextChange", "up at " + at(1, "07:00"))
        .containsEntry("record", "record (unverified)")
        .containsEntry("attention", List.of());
    assertThat(status.json()).containsEntry("config", "/eks-steward/config");

    Cli verified = Cli.against(aws, later, "status", "--record-key", RecordKeys.ALIAS, "--strict");
    assertThat(verified.exit()).as(verified.stderr()).isZero();
    assertThat(verified.stdout())
        .containsPattern("dev-1 +web +office-hours \\(tag\\) +down +" + EVENING + " +2-3-5 ")
        .contains("record (signed)")
        .contains("scheduled node groups: 1, down: 1");
  }

  /**
   * The Fargate reconciler's and the tag enforcer's own view of the scanned clusters: a desired
   * profile not yet made is drift, and a required tag missing everywhere is a violation of each
   * resource (their planners, in dry-run: nothing is created or tagged).
   */
  @Test
  @SuppressWarnings("unchecked")
  void statusSummarisesFargateDriftAndTagCompliance() {
    aws.seeder()
        .seed(
            FleetSeed.fleet()
                .config(
                    """
                    {"scheduler": {"schedules": {"office-hours": {"timezone": "Europe/Berlin",
                      "uptime": ["Mon-Fri 07:00-19:00"]}}},
                     "tagging": {"required": [{"key": "team"}]}}
                    """)
                .desiredFargate(
                    "dev-1",
                    "{\"prune\":false,\"profiles\":[{\"name\":\"team-a\","
                        + "\"podExecutionRoleArn\":\"arn:aws:iam::123456789012:role/pods\","
                        + "\"subnets\":[\"subnet-0abc1234\"],"
                        + "\"selectors\":[{\"namespace\":\"team-a\"}]}]}"));

    Cli status = Cli.against(aws, EVENING, "status", "--output", "json");
    assertThat(status.exit()).as(status.stderr()).isZero();
    Map<String, Object> fargate = (Map<String, Object>) status.json().get("fargate");
    assertThat((Map<String, Object>) fargate.get("clusters"))
        .containsEntry("drifted", BigDecimal.ONE)
        .containsEntry("in sync", BigDecimal.ZERO);
    Map<String, Object> dev1 = ((List<Map<String, Object>>) fargate.get("withDesiredState")).get(0);
    assertThat(dev1).containsEntry("cluster", "dev-1").containsEntry("state", "drifted");
    assertThat((List<String>) dev1.get("wouldChange"))
        .singleElement()
        .asString()
        .startsWith("CreateProfile");
    Map<String, Object> tags = (Map<String, Object>) status.json().get("tagCompliance");
    assertThat((Map<String, Object>) tags.get("compliance"))
        .containsEntry("cluster", counts(0, 0, 1))
        .containsEntry("nodegroup", counts(0, 0, 2));
    assertThat(aws.eks().listFargateProfiles(r -> r.clusterName("dev-1")).fargateProfileNames())
        .isEmpty();

    Cli table = Cli.against(aws, EVENING, "status");
    assertThat(table.stdout())
        .contains("fargate (the reconciler's plan, not applied): {drifted=1,")
        .contains("  dev-1: drifted [CreateProfile ")
        .contains("  nodegroup: {compliant=0, fixed=0, violating=2}");
  }

  @Test
  void statusReportsARecordTheStacksKeyDidNotSign() {
    tick(EVENING);
    aws.settle();
    String arn = describe("web").nodegroupArn();
    String forged =
        describe("web").tags().get(Contract.ORIGINAL_SCALING_TAG).replace("2-3-5", "9-9-9");
    aws.eks()
        .tagResource(r -> r.resourceArn(arn).tags(Map.of(Contract.ORIGINAL_SCALING_TAG, forged)));

    Cli strict =
        Cli.against(aws, at(0, "21:00"), "status", "--record-key", RecordKeys.ALIAS, "--strict");
    assertThat(strict.exit()).isEqualTo(1);
    assertThat(strict.stdout()).contains("record NOT trusted: bad signature");
    assertThat(Cli.against(aws, at(0, "21:00"), "status").exit()).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void wakePutsAProvenRequestOnTheBusThatTheSchedulerAccepts() {
    tick(EVENING);
    aws.settle();
    String queue = requestsBusToQueue("eks-steward-requests");
    Instant later = at(0, "21:00");

    Cli wake =
        Cli.against(
            aws,
            later,
            "wake",
            "dev-1",
            "--nodegroups",
            "web",
            "--for",
            "2h",
            "--stack",
            "eks-steward");
    assertThat(wake.exit()).as(wake.stderr()).isZero();
    assertThat(wake.stdout()).contains("sent Wake Request ").contains(" to eks-steward-requests");

    Map<String, Object> event = Json.parseObject(receive(queue));
    assertThat(event)
        .containsEntry("source", Contract.REQUEST_SOURCE)
        .containsEntry("detail-type", Contract.WAKE_DETAIL_TYPE);
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    assertThat(detail)
        .containsEntry("cluster", "dev-1")
        .containsEntry("nodegroups", List.of("web"));
    assertThat(((Number) detail.get("minutes")).intValue()).isEqualTo(120);
    assertThat(ProofQuery.problem((String) detail.get("proof"), LocalAws.REGION, later)).isNull();
    assertThat((String) detail.get("proof"))
        .contains("X-Amz-SignedHeaders=host%3Bx-eks-steward-request");

    // The event as the bus delivered it, handled by the scheduler: proven, and acted on.
    Map<String, Object> delivered = new LinkedHashMap<>(event);
    delivered.put("time", later.toString());
    Map<String, Object> report = run(later, delivered);
    assertThat(report).doesNotContainEntry("status", "refused");
    aws.settle();
    assertThat(sizes("web")).isEqualTo(List.of(2, 3, 5));
    assertThat(describe("web").tags())
        .containsEntry(Contract.KEEP_UP_UNTIL_TAG, later.plus(Duration.ofHours(2)).toString());
  }

  /**
   * release, as the stack accepts it: the proven request the bus delivers makes the scheduler
   * restore the recorded group and write the pause, and the next evening tick leaves it up.
   */
  @Test
  @SuppressWarnings("unchecked")
  void releasePutsAProvenRequestThatRestoresAndPausesScaleDowns() {
    tick(EVENING);
    aws.settle();
    assertThat(sizes("web")).isEqualTo(List.of(0, 0, 1));
    String queue = requestsBusToQueue("eks-steward-requests");
    Instant later = at(0, "21:00");

    Cli release =
        Cli.against(
            aws, later, "release", "--for", "24h", "--cluster", "dev-1", "--stack", "eks-steward");
    assertThat(release.exit()).as(release.stderr()).isZero();
    assertThat(release.stdout())
        .contains("sent Release Request ")
        .contains("(cluster dev-1, hours 24) to eks-steward-requests");

    Map<String, Object> event = Json.parseObject(receive(queue));
    assertThat(event).containsEntry("detail-type", Contract.RELEASE_DETAIL_TYPE);
    Map<String, Object> detail = (Map<String, Object>) event.get("detail");
    assertThat(detail).containsEntry("cluster", "dev-1");
    assertThat(((Number) detail.get("hours")).intValue()).isEqualTo(24);

    Map<String, Object> delivered = new LinkedHashMap<>(event);
    delivered.put("time", later.toString());
    assertThat(run(later, delivered)).doesNotContainEntry("status", "refused");
    aws.settle();
    assertThat(sizes("web")).isEqualTo(List.of(2, 3, 5));
    String pause =
        aws.ssm().getParameter(r -> r.name("/eks-steward/scheduler/pause")).parameter().value();
    assertThat(pause).contains(later.plus(Duration.ofHours(24)).toString());

    tick(at(0, "22:00"));
    aws.settle();
    assertThat(sizes("web")).isEqualTo(List.of(2, 3, 5));
  }

  @Test
  void wakeDryRunSendsNothingAndAnUnknownBusIsAnAwsError() {
    Cli dry =
        Cli.against(
            aws, Instant.now(), "wake", "dev-1", "--bus", "nope", "--dry-run", "--output", "json");
    assertThat(dry.exit()).as(dry.stderr()).isZero();
    assertThat(dry.json()).containsEntry("sent", false).containsEntry("bus", "nope");

    Cli refused = Cli.against(aws, Instant.now(), "wake", "dev-1", "--bus", "nope");
    assertThat(refused.exit()).as(refused.stdout()).isEqualTo(3);
  }

  /** validate's words are the scheduler's own, for the same document in Parameter Store. */
  @Test
  void validateSaysWhatTheSchedulerSaysOfTheSameConfig() throws Exception {
    String bad =
        """
        {"scheduler": {"defaultSchedule": "nights",
          "schedules": {"office": {"timezone": "Europe/Berlin", "uptime": ["Mon-Fri 7-19"]}}}}
        """;
    aws.seeder().seed(FleetSeed.fleet().config(bad));
    Map<String, Object> report = tick(EVENING);
    assertThat(report).containsEntry("status", "invalid-config");

    Path file = Files.writeString(dir.resolve("config.json"), bad);
    Cli validate = Cli.against(aws, Instant.now(), "validate", file.toString());
    assertThat(validate.exit()).isEqualTo(1);
    assertThat(validate.stdout())
        .isEqualTo(
            ((String) report.get("reason")).replace("/eks-steward/config", file.toString()) + "\n");

    // status and explain refuse it as the functions do: nothing is shown from a config they refuse
    Cli status = Cli.against(aws, Instant.now(), "status");
    assertThat(status.exit()).isEqualTo(1);
    assertThat(status.stderr()).isEqualTo("steward: " + report.get("reason") + "\n");
  }

  /** One kind's compliance counts as the status JSON gives them. */
  private static Map<String, Object> counts(int compliant, int fixed, int violating) {
    return Map.of(
        "compliant",
        BigDecimal.valueOf(compliant),
        "fixed",
        BigDecimal.valueOf(fixed),
        "violating",
        BigDecimal.valueOf(violating));
  }

  private Map<String, Object> tick(Instant now) {
    return run(now, EventFiles.tick(now));
  }

  /** The scheduler's production component against the local AWS, at {@code now}. */
  private static Map<String, Object> run(Instant now, Map<String, Object> event) {
    return DaggerSchedulerComponent.factory()
        .create(
            NodegroupScheduler.NAME,
            aws.settings(false),
            Clock.fixed(now, ZoneOffset.UTC),
            Waits.none(),
            List.of())
        .pipeline()
        .run(event, Invocation.from(new TestContext("nodegroup-scheduler")));
  }

  private static Nodegroup describe(String name) {
    return aws.eks().describeNodegroup(r -> r.clusterName("dev-1").nodegroupName(name)).nodegroup();
  }

  private static List<Integer> sizes(String name) {
    var s = describe(name).scalingConfig();
    return List.of(s.minSize(), s.desiredSize(), s.maxSize());
  }

  /** The stack's requests bus, with a rule that copies every request to a queue the test reads. */
  private static String requestsBusToQueue(String bus) {
    var events = aws.events();
    events.createEventBus(r -> r.name(bus));
    SqsClient sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    String url = sqs.createQueue(r -> r.queueName("requests")).queueUrl();
    String arn =
        sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("QueueArn"))
            .attributesAsStrings()
            .get("QueueArn");
    events.putRule(
        r ->
            r.name("requests")
                .eventBusName(bus)
                .eventPattern("{\"source\":[\"" + Contract.REQUEST_SOURCE + "\"]}"));
    events.putTargets(r -> r.rule("requests").eventBusName(bus).targets(t -> t.id("q").arn(arn)));
    return url;
  }

  private static String receive(String url) {
    SqsClient sqs = aws.client(SqsClient.builder().httpClient(UrlConnectionHttpClient.create()));
    var messages =
        sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(5).maxNumberOfMessages(1))
            .messages();
    assertThat(messages).as("a request on the bus").hasSize(1);
    return messages.get(0).body();
  }
}
